package io.distest.maven.run;

/**
 * The totals of a run, as Surefire counts them.
 *
 * @param notRunReason why some tests could not run at all (no worker left), or {@code null}
 */
public record RunSummary(int tests, int failures, int errors, int skipped, int flakes, String notRunReason) {

    /** Every test ran and none failed. */
    public boolean passed() {
        return failures == 0 && errors == 0 && notRunReason == null;
    }
}
