package io.distest.maven.settings;

import java.time.Duration;

/**
 * How the run treats workers and failures.
 *
 * @param maxWorkerRestart how many crashed workers are replaced before the run gives up
 * @param startTimeout how long a worker may take to connect after its JVM was started
 * @param reuseForks Surefire's {@code reuseForks}: {@code false} gives every test class a fresh JVM
 * @param testTimeout a test running longer is reported with a thread dump and its worker replaced; zero: no limit
 * @param runTimeout the whole run's limit (Surefire's {@code forkedProcessTimeoutInSeconds}); zero: no limit
 * @param fallbackToLocal run a remote gateway's share on local workers when it cannot be reached at start
 * @param rerunFailingTestsCount how often a failing test runs again; one that then passes is a flake
 * @param skipAfterFailureCount after that many failures no new class starts; zero: never
 */
public record WorkerPolicy(int maxWorkerRestart, Duration startTimeout, boolean reuseForks, Duration testTimeout,
        Duration runTimeout, boolean fallbackToLocal, int rerunFailingTestsCount, int skipAfterFailureCount) {
    public WorkerPolicy {
        if (maxWorkerRestart < 0) {
            throw new IllegalArgumentException("maxWorkerRestart must be >= 0, got " + maxWorkerRestart);
        }
        if (startTimeout.isNegative() || startTimeout.isZero()) {
            throw new IllegalArgumentException("startTimeout must be positive, got " + startTimeout);
        }
        if (testTimeout.isNegative() || runTimeout.isNegative()) {
            throw new IllegalArgumentException("timeouts must not be negative, got " + testTimeout + " and " + runTimeout);
        }
        if (rerunFailingTestsCount < 0 || skipAfterFailureCount < 0) {
            throw new IllegalArgumentException("rerunFailingTestsCount and skipAfterFailureCount must be >= 0, got "
                    + rerunFailingTestsCount + " and " + skipAfterFailureCount);
        }
    }
}
