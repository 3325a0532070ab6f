package io.distest.maven.slice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.distest.maven.schedule.DurationHistory;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class MergedHistoryTest {
    private static DurationHistory history(String... lines) {
        return DurationHistory.parse(List.of(lines));
    }

    private static final DurationHistory BASE = history("A\t\t1000", "B\t\t2000", "Old\t\t500", "Gone\t\t700");
    private static final SlicePlan PLAN = SlicePlanner.plan(List.of("A", "B", "New"), BASE, 2);

    @Test
    void takesEachPlannedClassFromTheSliceThatRanIt() {
        assertEquals(List.of("B"), PLAN.classesOf(1));
        assertEquals(List.of("A", "New"), PLAN.classesOf(2));
        TreeMap<Integer, DurationHistory> slices = new TreeMap<>();
        // each slice's file: what it started from, with its own classes measured anew
        slices.put(1, history("A\t\t1000", "B\t\t2400", "Old\t\t500"));
        slices.put(2, history("A\t\t1100", "B\t\t2000", "Old\t\t500", "New\t\t300"));
        DurationHistory merged = MergedHistory.of(BASE, PLAN, slices);
        assertEquals(1100, merged.classMillis("A").orElseThrow());
        assertEquals(2400, merged.classMillis("B").orElseThrow());
        assertEquals(300, merged.classMillis("New").orElseThrow());
    }

    @Test
    void keepsClassesNoSliceRanAndDropsThoseEverySliceDropped() {
        TreeMap<Integer, DurationHistory> slices = new TreeMap<>();
        slices.put(1, history("A\t\t1000", "B\t\t2000", "Old\t\t500"));
        slices.put(2, history("A\t\t1000", "B\t\t2000", "Old\t\t500"));
        DurationHistory merged = MergedHistory.of(BASE, PLAN, slices);
        assertEquals(500, merged.classMillis("Old").orElseThrow());
        assertEquals(false, merged.classMillis("Gone").isPresent()); // its class file was gone in every slice
    }

    @Test
    void aSliceWithoutItsFileKeepsWhatTheModuleKnew() {
        TreeMap<Integer, DurationHistory> slices = new TreeMap<>();
        slices.put(1, history("A\t\t1", "B\t\t2", "Old\t\t500"));
        DurationHistory merged = MergedHistory.of(BASE, PLAN, slices);
        assertEquals(1000, merged.classMillis("A").orElseThrow()); // slice 2's: its file is missing
        assertEquals(2, merged.classMillis("B").orElseThrow());
    }

    @Test
    void withoutAnySliceFileTheModulesHistoryStays() {
        assertEquals(BASE.format(), MergedHistory.of(BASE, PLAN, new TreeMap<>()).format());
    }

    @Test
    void executionsCombineEachWithItsOwnClassesAsItMeasuredThem() {
        // nothing restored: the unit tests' slices know only unit tests, the integration tests' only theirs
        DurationHistory restored = DurationHistory.empty();
        SlicePlan units = SlicePlanner.plan(List.of("A", "B"), restored, 1);
        SlicePlan its = SlicePlanner.plan(List.of("IT1"), restored, 1);
        TreeMap<Integer, DurationHistory> unitSlices = new TreeMap<>();
        unitSlices.put(1, history("A\t\t1000", "B\t\t2500"));
        TreeMap<Integer, DurationHistory> itSlices = new TreeMap<>();
        itSlices.put(1, history("IT1\t\t5000"));
        DurationHistory combined = MergedHistory.combine(List.of(
                Map.entry(units, MergedHistory.of(restored, units, unitSlices)),
                Map.entry(its, MergedHistory.of(restored, its, itSlices))));
        assertEquals(List.of("A", "B", "IT1"), List.copyOf(combined.classes().keySet()));
    }

    @Test
    void anotherExecutionsStaleCopyOfAClassDoesNotWin() {
        DurationHistory restored = history("B\t\t2000", "IT1\t\t4000");
        SlicePlan units = SlicePlanner.plan(List.of("B"), restored, 1);
        SlicePlan its = SlicePlanner.plan(List.of("IT1"), restored, 1);
        TreeMap<Integer, DurationHistory> unitSlices = new TreeMap<>();
        unitSlices.put(1, history("B\t\t2500", "IT1\t\t4000"));
        TreeMap<Integer, DurationHistory> itSlices = new TreeMap<>();
        itSlices.put(1, history("B\t\t2000", "IT1\t\t5000"));
        DurationHistory combined = MergedHistory.combine(List.of(
                Map.entry(its, MergedHistory.of(restored, its, itSlices)),
                Map.entry(units, MergedHistory.of(restored, units, unitSlices))));
        assertEquals(2500, combined.classMillis("B").orElseThrow());
        assertEquals(5000, combined.classMillis("IT1").orElseThrow());
    }
}
