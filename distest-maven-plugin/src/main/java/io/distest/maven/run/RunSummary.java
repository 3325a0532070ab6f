package io.distest.maven.run;

import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The totals of a run, as Surefire counts them.
 *
 * @param notRunReason why some tests could not run at all (no worker left), or {@code null}
 * @param classesWithoutTests the classes whose units ran to their end without a test: they have no report, yet a
 *     slice's merge must count them as run
 */
public record RunSummary(int tests, int failures, int errors, int skipped, int flakes, String notRunReason,
        SortedSet<String> classesWithoutTests) {

    public RunSummary {
        classesWithoutTests = new TreeSet<>(classesWithoutTests);
    }

    public RunSummary(int tests, int failures, int errors, int skipped, int flakes, String notRunReason) {
        this(tests, failures, errors, skipped, flakes, notRunReason, new TreeSet<>(Set.of()));
    }

    /** Every test ran and none failed. */
    public boolean passed() {
        return failures == 0 && errors == 0 && notRunReason == null;
    }
}
