package io.distest.maven.slice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distest.maven.timeline.RunModel;
import io.distest.maven.timeline.RunModel.Bar;
import io.distest.maven.timeline.RunModel.Kind;
import io.distest.maven.timeline.RunModel.Lane;
import io.distest.maven.timeline.RunModel.Outcome;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class MergedTimelineTest {

    /** One slice's run: one worker, one unit of {@code millis}. */
    private static RunModel run(String label, long millis) {
        Bar unit = new Bar(Kind.UNIT, 500, 500 + millis, label, 1, 3, Outcome.PASSED, millis, null, -1, false, null,
                true);
        return RunModel.of("m", new RunModel.Summary(millis + 600, 1, millis, millis + 500, 90, 500, 550, "gw0", label,
                false), List.of(new Lane("gw0", "popen", "", "ci", "Java 17", 0, true,
                        List.of(Bar.phase(Kind.JVM, 0, 500, "JVM start-up"), unit))));
    }

    @Test
    void drawsEachSliceAsALaneGroupAndMarksTheSlowest() {
        TreeMap<Integer, RunModel> runs = new TreeMap<>();
        runs.put(1, run("a.A", 4000));
        runs.put(2, run("a.B", 6000));
        RunModel merged = MergedTimeline.of("m · default-test", 2, runs);

        assertEquals(List.of("slice 1/2 · test 4.0 s · wall 4.6 s", "slice 2/2 · test 6.0 s · wall 6.6 s · slowest"),
                merged.groups());
        assertEquals(List.of("s1·gw0", "s2·gw0"), merged.lanes().stream().map(Lane::id).toList());
        assertEquals(List.of(false, true), merged.lanes().stream().map(Lane::last).toList());
        assertEquals("s2·gw0", merged.summary().criticalWorker());
        assertEquals(10_000, merged.summary().testMillis());
        assertEquals(6_600, merged.summary().wallMillis());
    }

    @Test
    void theTitleGivesTheImbalance() {
        TreeMap<Integer, RunModel> runs = new TreeMap<>();
        runs.put(1, run("a.A", 4000));
        runs.put(2, run("a.B", 6000));
        String title = MergedTimeline.of("m · default-test", 2, runs).title();
        assertEquals("m · default-test · 2 slices · slowest: slice 2/2, 6.0 s of tests against 5.0 s a slice on"
                + " average (imbalance +20 %)", title);
    }

    @Test
    void unitIdsStayUniqueAcrossSlices() {
        TreeMap<Integer, RunModel> runs = new TreeMap<>();
        runs.put(1, run("a.A", 4000));
        runs.put(2, run("a.B", 6000));
        List<Integer> ids = MergedTimeline.of("m", 2, runs).lanes().stream().flatMap(l -> l.bars().stream())
                .filter(b -> b.kind() == Kind.UNIT).map(Bar::unitId).toList();
        assertEquals(2, ids.stream().distinct().count());
        assertTrue(ids.stream().allMatch(id -> id > MergedTimeline.IDS_PER_SLICE));
    }
}
