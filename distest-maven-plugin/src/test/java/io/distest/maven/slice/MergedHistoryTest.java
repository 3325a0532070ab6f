package io.distest.maven.slice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.distest.maven.schedule.DurationHistory;
import java.util.List;
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
    void aClassOfAnotherExecutionKeepsWhatTheModulesHistoryNowSays() {
        // the unit tests' merge wrote B = 2500 to the module's file; the integration tests' slices still carry 2000
        DurationHistory base = history("A\t\t1000", "B\t\t2500", "IT1\t\t4000");
        SlicePlan plan = SlicePlanner.plan(List.of("IT1"), base, 1);
        TreeMap<Integer, DurationHistory> slices = new TreeMap<>();
        slices.put(1, history("A\t\t1000", "B\t\t2000", "IT1\t\t5000"));
        DurationHistory merged = MergedHistory.of(base, plan, slices);
        assertEquals(2500, merged.classMillis("B").orElseThrow());
        assertEquals(5000, merged.classMillis("IT1").orElseThrow());
    }
}
