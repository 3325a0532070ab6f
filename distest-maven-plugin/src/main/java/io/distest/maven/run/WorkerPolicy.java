package io.distest.maven.run;

import java.time.Duration;

/**
 * How worker JVMs are kept.
 *
 * @param maxWorkerRestart how many crashed workers are replaced before the run gives up
 * @param startTimeout how long a worker may take to connect after its JVM was started
 * @param reuseForks Surefire's {@code reuseForks}: {@code false} gives every test class a fresh JVM
 */
public record WorkerPolicy(int maxWorkerRestart, Duration startTimeout, boolean reuseForks) {
    public WorkerPolicy {
        if (maxWorkerRestart < 0) {
            throw new IllegalArgumentException("maxWorkerRestart must be >= 0, got " + maxWorkerRestart);
        }
        if (startTimeout.isNegative() || startTimeout.isZero()) {
            throw new IllegalArgumentException("startTimeout must be positive, got " + startTimeout);
        }
    }
}
