package io.distest.maven;

import io.distest.maven.run.RunSummary;
import io.distest.maven.surefire.TestPlugin;
import java.io.File;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * Surefire's verdict on a run, from the goal's settings after inheritance.
 *
 * @param test Surefire's {@code -Dtest=} (or Failsafe's {@code -Dit.test=}); {@code null}: not set
 * @param reportsDirectory named in the messages: where the details are
 */
record Verdict(TestPlugin plugin, String test, boolean failIfNoSpecifiedTests, boolean failIfNoTests,
        int failOnFlakeCount, boolean testFailureIgnore, File reportsDirectory, Log log) {

    /** No test was selected, or none ran: a failure only where Surefire's settings ask for one. */
    void noTests() throws MojoFailureException {
        if (test != null && !test.isBlank() && failIfNoSpecifiedTests) {
            throw new MojoFailureException("No tests matching pattern \"" + test + "\" were executed! (Set -D"
                    + plugin.property("surefire.failIfNoSpecifiedTests") + "=false to ignore this error.)");
        }
        if (failIfNoTests) {
            throw new MojoFailureException("No tests to run! (failIfNoTests is set)");
        }
        log.info("No tests to run.");
    }

    /** Fails the build as Surefire would. */
    void judge(RunSummary summary) throws MojoFailureException {
        if (summary.notRunReason() != null) {
            throw new MojoFailureException("Some tests did not run: " + summary.notRunReason()
                    + ". See " + reportsDirectory + " for which.");
        }
        if (summary.tests() == 0) {
            noTests();
        }
        if (failOnFlakeCount > 0 && summary.flakes() >= failOnFlakeCount) {
            throw new MojoFailureException("There are " + summary.flakes() + " flaky tests (failOnFlakeCount="
                    + failOnFlakeCount + ").\n\nSee " + reportsDirectory + " for the individual test results.");
        }
        if (!summary.passed()) {
            String message = "There are test failures.\n\nSee " + reportsDirectory + " for the individual test results.";
            if (testFailureIgnore) {
                log.error(message);
            } else {
                throw new MojoFailureException(message);
            }
        }
    }
}
