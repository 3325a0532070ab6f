package io.distest.maven.slice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distest.maven.schedule.DurationHistory;
import io.distest.maven.timeline.RunModel;
import io.distest.maven.timeline.RunModelJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SliceMergeTest {
    private static final List<String> CLASSES = List.of("p.A", "p.B", "p.C", "p.D");
    private static final DurationHistory HISTORY =
            DurationHistory.parse(List.of("p.A\t\t4000", "p.B\t\t3000", "p.C\t\t2000", "p.D\t\t1000"));

    @TempDir
    Path dir;
    private final List<String> warnings = new ArrayList<>();

    /** Job {@code index} of {@code count}: its record, a report for each of {@code ran}, its durations and run. */
    private SliceMerge.Job job(String name, int index, int count, DurationHistory history, List<String> ran)
            throws IOException {
        Path target = dir.resolve(name).resolve("target");
        SlicePlan plan = SlicePlanner.plan(CLASSES, history, count);
        SliceRecord record = new SliceRecord(new Slice(index, count), plan, "surefire-reports", "distest/run.json",
                "distest/durations-default-test.tsv");
        record.write(target.resolve("distest").resolve(SliceRecord.fileName("default-test")));
        Files.createDirectories(target.resolve("surefire-reports"));
        for (String className : ran) {
            Files.writeString(target.resolve("surefire-reports/TEST-" + className + ".xml"), "<?xml version=\"1.0\"?>"
                    + "<testsuite name=\"" + className + "\" tests=\"1\"><testcase name=\"t\" classname=\"" + className
                    + "\" time=\"1\"/></testsuite>");
        }
        List<String> measured = new ArrayList<>();
        ran.forEach(className -> measured.add(className + "\t\t" + (100 * index)));
        DurationHistory.parse(measured).write(target.resolve(record.durations()));
        RunModel run = RunModel.of("m", new RunModel.Summary(1000L * index, 1, 900L * index, 0, 0, 0, 0, null, null,
                false), List.of());
        Files.writeString(target.resolve(record.timeline()), RunModelJson.write(run));
        return new SliceMerge.Job(target, name + "/target", record);
    }

    private List<String> ranIn(int index, int count) {
        return SlicePlanner.plan(CLASSES, HISTORY, count).classesOf(index);
    }

    private SliceMerge.Outcome merge(List<SliceMerge.Job> jobs) throws IOException {
        return SliceMerge.merge("default-test", jobs, List.of(), HISTORY, "m · default-test", warnings::add);
    }

    @Test
    void slicesThatAddUpMergeIntoOneLineOneHistoryAndOneTimeline() throws IOException {
        SliceMerge.Outcome outcome = merge(List.of(job("s1", 1, 2, HISTORY, ranIn(1, 2)),
                job("s2", 2, 2, HISTORY, ranIn(2, 2))));

        assertEquals(List.of(), outcome.problems());
        assertTrue(outcome.summary().startsWith("default-test: 2 of 2 slices agree on plan "), outcome.summary());
        assertTrue(outcome.summary().contains("each of 4 classes ran in exactly one slice; slowest slice 2/2"),
                outcome.summary());
        for (String className : ranIn(2, 2)) {
            assertEquals(200, outcome.history().classMillis(className).orElseThrow());
        }
        assertNotNull(outcome.timeline());
        assertEquals(2, outcome.timeline().summary().workers());
        assertEquals(List.of(), warnings);
    }

    @Test
    void aClassWithoutAResultIsNamed() throws IOException {
        List<String> lost = new ArrayList<>(ranIn(2, 2));
        String missing = lost.remove(0);
        SliceMerge.Outcome outcome = merge(List.of(job("s1", 1, 2, HISTORY, ranIn(1, 2)),
                job("s2", 2, 2, HISTORY, lost)));

        assertEquals(List.of("1 of 4 selected classes have no result in any slice's reports: " + missing
                + " (slice 2)"), outcome.problems());
    }

    @Test
    void aClassThatRanWithoutATestHasNoReportYetCountsAsRun() throws IOException {
        assertEquals(List.of(), mergeWithoutAReport((record, name) -> record.afterRun(List.of(name), List.of())).problems());
    }

    @Test
    void aClassNoChangeCouldAffectHasNoReportYetIsAccountedFor() throws IOException {
        assertEquals(List.of(), mergeWithoutAReport((record, name) -> record.afterRun(List.of(), List.of(name))).problems());
    }

    /** Slice 2 reports all its classes but one, which its record after the run names as {@code after} says. */
    private SliceMerge.Outcome mergeWithoutAReport(java.util.function.BiFunction<SliceRecord, String, SliceRecord> after)
            throws IOException {
        List<String> reported = new ArrayList<>(ranIn(2, 2));
        String unreported = reported.remove(0);
        SliceMerge.Job job = job("s2", 2, 2, HISTORY, reported);
        Path record = job.target().resolve("distest").resolve(SliceRecord.fileName("default-test"));
        after.apply(job.record(), unreported).write(record);
        return merge(List.of(job("s1", 1, 2, HISTORY, ranIn(1, 2)),
                new SliceMerge.Job(job.target(), job.shown(), SliceRecord.read(record))));
    }

    @Test
    void aClassThatRanInTwoSlicesIsNamedWithBoth() throws IOException {
        List<String> extra = new ArrayList<>(ranIn(2, 2));
        String twice = ranIn(1, 2).get(0);
        extra.add(twice);
        SliceMerge.Outcome outcome = merge(List.of(job("s1", 1, 2, HISTORY, ranIn(1, 2)),
                job("s2", 2, 2, HISTORY, extra)));

        assertEquals(List.of("1 of 4 selected classes ran in more than one slice: " + twice
                + " (s1/target (slice 1/2), s2/target (slice 2/2))"), outcome.problems());
    }

    @Test
    void jobsThatRestoredDifferentHistoriesDisagreeOnThePlan() throws IOException {
        DurationHistory other = DurationHistory.parse(List.of("p.A\t\t1000", "p.B\t\t1000", "p.C\t\t9000"));
        SliceMerge.Outcome outcome = merge(List.of(job("s1", 1, 2, HISTORY, ranIn(1, 2)),
                job("s2", 2, 2, other, SlicePlanner.plan(CLASSES, other, 2).classesOf(2))));

        String problem = outcome.problems().get(0);
        assertTrue(problem.startsWith("the slices disagree on the plan: s1/target (slice 1/2) and s2/target (slice 2/2)"
                + " differ in durations history "), problem);
        assertTrue(problem.contains("p.C: slice "), problem);
    }

    @Test
    void aSliceNoJobRanAndASliceThatRanTwiceAreNamed() throws IOException {
        SliceMerge.Outcome outcome = merge(List.of(job("s1", 1, 3, HISTORY, ranIn(1, 3)),
                job("s1-again", 1, 3, HISTORY, List.of()), job("s3", 3, 3, HISTORY, ranIn(3, 3))));

        assertTrue(outcome.problems().contains("slice 1/3 ran in two jobs: s1/target and s1-again/target"),
                outcome.problems().toString());
        assertTrue(outcome.problems().contains("no job ran slice 2/3 (no directory given holds its plan)"),
                outcome.problems().toString());
    }

    @Test
    void aDirectoryWithoutAPlanIsNamed() throws IOException {
        SliceMerge.Outcome outcome = SliceMerge.merge("default-test", List.of(job("s1", 1, 1, HISTORY, CLASSES)),
                List.of("s2/target"), HISTORY, "m", warnings::add);
        assertEquals(List.of("s2/target has no slice plan for default-test: did its job run this module's tests?"),
                outcome.problems());
    }
}
