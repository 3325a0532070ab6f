package io.distest.maven.report;

import static org.apache.maven.plugin.surefire.report.ReportEntryType.ERROR;
import static org.apache.maven.plugin.surefire.report.ReportEntryType.FAILURE;
import static org.apache.maven.plugin.surefire.report.ReportEntryType.SKIPPED;
import static org.apache.maven.plugin.surefire.report.ReportEntryType.SUCCESS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.distest.maven.report.SuiteCounts.Grouping;
import java.util.List;
import org.apache.maven.plugin.surefire.report.ReportEntryType;
import org.apache.maven.plugin.surefire.report.WrappedReportEntry;
import org.apache.maven.surefire.api.report.RunMode;
import org.apache.maven.surefire.api.report.SimpleReportEntry;
import org.junit.jupiter.api.Test;

/** The <testsuite> counts of Surefire 3.5.5+ and 3.6, from the runs of a test set (see each version's reporter). */
class SuiteCountsTest {
    private static WrappedReportEntry run(String method, ReportEntryType type) {
        return run(RunMode.NORMAL_RUN, method, type);
    }

    private static WrappedReportEntry rerun(String method, ReportEntryType type) {
        return run(RunMode.RERUN_TEST_AFTER_FAILURE, method, type);
    }

    private static WrappedReportEntry run(RunMode mode, String method, ReportEntryType type) {
        return new WrappedReportEntry(new SimpleReportEntry(mode, 1L, "shop.CartTest", null, method, null), type, 1,
                null, null);
    }

    @Test
    void surefire355CountsTestsOfOneMethodNameOnceAsInheritedNestedMethodsAre() {
        // commons-collections: a method inherited by two @Nested classes reports twice under one name
        List<WrappedReportEntry> runs = List.of(run("isEmpty", SUCCESS), run("isEmpty", SUCCESS), run("size", SUCCESS),
                run("off", SKIPPED));

        assertEquals(new SuiteCounts(3, 0, 1, 0, 0), SuiteCounts.of(runs, Grouping.BY_METHOD_NAME, 0));
        assertEquals(new SuiteCounts(4, 0, 1, 0, 0), SuiteCounts.of(runs, Grouping.BY_TEST_RUN, 0), "3.6: each case");
    }

    @Test
    void aTestThatFailedThenPassedOnARerunIsOneFlake() {
        List<WrappedReportEntry> runs = List.of(run("flaky", FAILURE), run("steady", SUCCESS), run("broken", ERROR),
                rerun("flaky", SUCCESS), rerun("broken", ERROR), rerun("broken", ERROR));

        for (Grouping grouping : Grouping.values()) {
            assertEquals(new SuiteCounts(3, 1, 0, 0, 1), SuiteCounts.of(runs, grouping, 2), grouping.name());
        }
    }

    @Test
    void withoutRerunsAFailureIsAFailureEvenIfTheSameNamePassedElsewhere() {
        List<WrappedReportEntry> runs = List.of(run("check", FAILURE), run("check", SUCCESS));

        assertEquals(new SuiteCounts(1, 0, 0, 1, 0), SuiteCounts.of(runs, Grouping.BY_METHOD_NAME, 0));
        assertEquals(new SuiteCounts(2, 0, 0, 1, 0), SuiteCounts.of(runs, Grouping.BY_TEST_RUN, 0));
    }

    @Test
    void aClassLevelFailureBesideAPassingTestIsAFlake() {
        List<WrappedReportEntry> surefire35 = List.of(run("passes", SUCCESS), run(null, ERROR));
        List<WrappedReportEntry> surefire36 = List.of(run("passes", SUCCESS), run("initializationError", ERROR));

        assertEquals(new SuiteCounts(2, 0, 0, 0, 1), SuiteCounts.of(surefire35, Grouping.BY_METHOD_NAME, 0));
        assertEquals(new SuiteCounts(2, 0, 0, 0, 1), SuiteCounts.of(surefire36, Grouping.BY_TEST_RUN, 0));
        assertEquals(new SuiteCounts(2, 1, 0, 0, 0), SuiteCounts.of(List.of(run("passes", SUCCESS),
                run("executionError", ERROR)), Grouping.BY_TEST_RUN, 0), "an @AfterAll failure stays an error");
    }

    @Test
    void writesTheCountsWithFlakesAfterFailures() {
        String tag = "<testsuite name=\"T\" time=\"0.1\" tests=\"1\" errors=\"0\" skipped=\"0\" failures=\"1\">";

        assertEquals("<testsuite name=\"T\" time=\"0.1\" tests=\"6\" errors=\"1\" skipped=\"1\" failures=\"1\" flakes=\"2\">",
                new SuiteCounts(6, 1, 1, 1, 2).appliedTo(tag));
        String once = new SuiteCounts(1, 0, 0, 0, 0).appliedTo(tag);
        assertEquals(once, new SuiteCounts(1, 0, 0, 0, 0).appliedTo(once), "an existing flakes count is replaced");
    }
}
