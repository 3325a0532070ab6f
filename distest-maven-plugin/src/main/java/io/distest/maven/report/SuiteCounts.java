package io.distest.maven.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.apache.maven.plugin.surefire.report.ReportEntryType;
import org.apache.maven.plugin.surefire.report.WrappedReportEntry;
import org.apache.maven.surefire.api.report.RunMode;

/**
 * The counts on a report's {@code <testsuite>} as Surefire 3.5.5 and later compute them: the entries of a test set
 * (every run of every test, re-runs included) grouped into tests, each test counted once by the outcome of all its
 * runs. How entries are grouped is what changed between versions, and it decides {@code tests}: 3.5.5 and 3.5.6
 * group by class and method name, so cases of the same name (a method inherited by several {@code @Nested} classes)
 * count once; 3.6 counts every case, its re-runs with it.
 *
 * @param tests the number of tests
 * @param errors tests whose runs erred (and did not pass on a re-run)
 * @param skipped tests that only skipped
 * @param failures tests whose runs failed (and did not pass on a re-run)
 * @param flakes tests that failed and then passed on a re-run; and a class-level failure beside passing tests
 */
record SuiteCounts(int tests, int errors, int skipped, int failures, int flakes) {
    /** How a Surefire version groups a test set's entries into tests. */
    enum Grouping {
        /** 3.5.5 and 3.5.6: by class and method name; a class-level failure is the name {@code null}. */
        BY_METHOD_NAME(name -> name != null && !name.equals("null"), name -> name == null || name.equals("null")),
        /**
         * 3.6: every case is a test of its own, and a re-run joins the failed case it repeats (Surefire 3.6 keys tests
         * by class, method and a run id that a failed test keeps until it passes); a class-level failure is
         * {@code initializationError}.
         */
        BY_TEST_RUN(name -> name != null && !List.of("null", "initializationError", "executionError").contains(name),
                name -> "null".equals(name) || "initializationError".equals(name));

        private final Predicate<String> actualTest;
        private final Predicate<String> beforeAll;

        Grouping(Predicate<String> actualTest, Predicate<String> beforeAll) {
            this.actualTest = actualTest;
            this.beforeAll = beforeAll;
        }

        /** The tests of one class: each a list of its runs. */
        Collection<List<WrappedReportEntry>> tests(List<WrappedReportEntry> runsOfClass) {
            if (this == BY_METHOD_NAME) {
                Map<String, List<WrappedReportEntry>> byName = new LinkedHashMap<>();
                runsOfClass.forEach(run -> byName.computeIfAbsent(run.getName(), n -> new ArrayList<>()).add(run));
                return byName.values();
            }
            List<List<WrappedReportEntry>> tests = new ArrayList<>();
            Map<String, List<WrappedReportEntry>> failedAwaitingRerun = new HashMap<>();
            for (WrappedReportEntry run : runsOfClass) {
                List<WrappedReportEntry> test = run.getRunMode() == RunMode.RERUN_TEST_AFTER_FAILURE
                        ? failedAwaitingRerun.get(run.getName()) : null;
                if (test == null) {
                    test = new ArrayList<>();
                    tests.add(test);
                }
                test.add(run);
                if (run.getReportEntryType() == ReportEntryType.FAILURE || run.getReportEntryType() == ReportEntryType.ERROR) {
                    failedAwaitingRerun.put(run.getName(), test);
                } else {
                    failedAwaitingRerun.remove(run.getName());
                }
            }
            return tests;
        }
    }

    /**
     * @param entries every run of every test in the test set, in the order they ran
     * @param rerunFailingTestsCount Surefire's setting: without re-runs a test that failed and passed is a failure
     */
    static SuiteCounts of(Collection<WrappedReportEntry> entries, Grouping grouping, int rerunFailingTestsCount) {
        Map<String, List<WrappedReportEntry>> byClass = new LinkedHashMap<>();
        for (WrappedReportEntry entry : entries) {
            byClass.computeIfAbsent(String.valueOf(entry.getSourceName()), c -> new ArrayList<>()).add(entry);
        }
        int tests = 0;
        int errors = 0;
        int skipped = 0;
        int failures = 0;
        int flakes = 0;
        for (List<WrappedReportEntry> runsOfClass : byClass.values()) {
            Collection<List<WrappedReportEntry>> testsOfClass = grouping.tests(runsOfClass);
            boolean aTestPassed = testsOfClass.stream().anyMatch(runs -> grouping.actualTest.test(runs.get(0).getName())
                    && runs.stream().anyMatch(run -> run.getReportEntryType() == ReportEntryType.SUCCESS));
            for (List<WrappedReportEntry> runs : testsOfClass) {
                tests++;
                Outcome outcome = Outcome.of(runs, rerunFailingTestsCount);
                if ((outcome == Outcome.ERROR || outcome == Outcome.FAILURE) && aTestPassed
                        && grouping.beforeAll.test(runs.get(0).getName())) {
                    outcome = Outcome.FLAKE; // a @BeforeAll that failed once, beside tests that passed after it
                }
                switch (outcome) {
                    case ERROR -> errors++;
                    case FAILURE -> failures++;
                    case SKIPPED -> skipped++;
                    case FLAKE -> flakes++;
                    case SUCCESS -> { }
                }
            }
        }
        return new SuiteCounts(tests, errors, skipped, failures, flakes);
    }

    /** The {@code <testsuite ...>} tag with these counts, and {@code flakes} after {@code failures}. */
    String appliedTo(String suiteTag) {
        String tag = suiteTag.replaceFirst(" flakes=\"\\d+\"", "");
        tag = withCount(tag, "tests", tests);
        tag = withCount(tag, "errors", errors);
        tag = withCount(tag, "skipped", skipped);
        tag = withCount(tag, "failures", failures);
        return tag.replaceFirst("( failures=\"\\d+\")", "$1 flakes=\"" + flakes + "\"");
    }

    private static String withCount(String tag, String attribute, int count) {
        return tag.replaceFirst(" " + attribute + "=\"\\d+\"", " " + attribute + "=\"" + count + "\"");
    }

    /** One test's outcome over all its runs, as Surefire's reporter factory decides it. */
    private enum Outcome {
        SUCCESS, FAILURE, ERROR, SKIPPED, FLAKE;

        static Outcome of(List<WrappedReportEntry> runs, int rerunFailingTestsCount) {
            List<ReportEntryType> types = runs.stream().map(WrappedReportEntry::getReportEntryType)
                    .filter(Objects::nonNull).toList();
            boolean passed = types.contains(ReportEntryType.SUCCESS);
            boolean failed = types.contains(ReportEntryType.FAILURE);
            boolean erred = types.contains(ReportEntryType.ERROR);
            if (failed || erred) {
                return passed && rerunFailingTestsCount > 0 ? FLAKE : erred ? ERROR : FAILURE;
            }
            return passed ? SUCCESS : SKIPPED;
        }
    }
}
