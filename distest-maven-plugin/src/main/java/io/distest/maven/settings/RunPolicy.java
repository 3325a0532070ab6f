package io.distest.maven.settings;

import java.time.Duration;

/**
 * What the run loop decides with: how units meet workers, time limits, re-runs and giving up after failures.
 *
 * @param reuseForks Surefire's {@code reuseForks}: {@code false} gives every test class a fresh JVM
 * @param testTimeout a test running longer is reported with a thread dump and its worker replaced; zero: no limit
 * @param runTimeout the whole run's limit (Surefire's {@code forkedProcessTimeoutInSeconds}); zero: no limit
 * @param rerunFailingTestsCount how often a failing test runs again; one that then passes is a flake. The run's one
 *     copy of the setting: the loop re-runs failures itself unless one of Surefire's providers runs the tests, and
 *     reporting counts flakes with it
 * @param skipAfterFailureCount after that many failures no new class starts; zero: never
 */
public record RunPolicy(boolean reuseForks, Duration testTimeout, Duration runTimeout, int rerunFailingTestsCount,
        int skipAfterFailureCount) {
    public RunPolicy {
        if (testTimeout.isNegative() || runTimeout.isNegative()) {
            throw new IllegalArgumentException("timeouts must not be negative, got " + testTimeout + " and " + runTimeout);
        }
        if (rerunFailingTestsCount < 0 || skipAfterFailureCount < 0) {
            throw new IllegalArgumentException("rerunFailingTestsCount and skipAfterFailureCount must be >= 0, got "
                    + rerunFailingTestsCount + " and " + skipAfterFailureCount);
        }
    }
}
