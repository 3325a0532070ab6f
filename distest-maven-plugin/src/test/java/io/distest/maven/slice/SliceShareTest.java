package io.distest.maven.slice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distest.maven.schedule.DurationHistory;
import io.distest.maven.schedule.TestUnit;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SliceShareTest {
    private static final List<TestUnit> UNITS = List.of(TestUnit.wholeClass(1, "p.A"), TestUnit.wholeClass(2, "p.B"),
            new TestUnit(3, "p.C", List.of("one"), List.of()), TestUnit.wholeClass(4, "p.D"));

    @Test
    void theSliceKeepsItsClassesUnitsInSelectionOrder() {
        SliceShare share = SliceShare.of(new Slice(1, 2), UNITS, DurationHistory.empty(), Optional.empty());
        assertEquals(List.of(UNITS.get(0), UNITS.get(2)), share.units());
    }

    @Test
    void theSlicesTogetherRunEveryUnitOnce() {
        DurationHistory history = DurationHistory.parse(List.of("p.A\t\t5000", "p.B\t\t200", "p.C\t\t2000"));
        List<TestUnit> all = new java.util.ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            all.addAll(SliceShare.of(new Slice(k, 3), UNITS, history, Optional.empty()).units());
        }
        assertEquals(UNITS.size(), all.size());
        assertEquals(new java.util.HashSet<>(UNITS), new java.util.HashSet<>(all));
    }

    @Test
    void theLogLineGivesTheShareItsTimeTheSpreadAndTheHistory() {
        // p.D is new: counted as the median known class, 20 s; A + C and B + D make 40 s each
        DurationHistory history = DurationHistory.parse(List.of("p.A\t\t30000", "p.B\t\t20000", "p.C\t\t10000"));
        SliceShare share = SliceShare.of(new Slice(2, 2), UNITS, history, Optional.of(LocalDate.of(2026, 12, 5)));
        assertEquals(List.of("p.B", "p.D"), share.plan().classesOf(2));
        assertEquals("slice 2/2: 2 of 4 classes, expected 40 s (slices 40–40 s), 1 new to the history counted as its"
                + " median class, history " + SlicePlanner.historyHash(history).substring(0, 8) + "…(2026-12-05), plan "
                + share.plan().hash().substring(0, 8) + "…", share.logLine());
    }

    @Test
    void anEmptySliceSaysSo() {
        SliceShare share = SliceShare.of(new Slice(5, 5), UNITS, DurationHistory.empty(), Optional.empty());
        assertEquals(List.of(), share.units());
        assertTrue(share.logLine().startsWith("slice 5/5: 0 of 4 classes (more slices than classes): nothing to run"
                + " in this slice, no durations history"), share.logLine());
    }
}
