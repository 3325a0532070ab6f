package io.distest.maven.settings;

import java.time.Duration;

/**
 * How the worker pool keeps its workers.
 *
 * @param maxWorkerRestart how many crashed workers are replaced before the run gives up
 * @param startTimeout how long a worker may take to connect after its JVM was started
 * @param fallbackToLocal run a remote gateway's share on local workers when it cannot be reached at start
 */
public record WorkerPolicy(int maxWorkerRestart, Duration startTimeout, boolean fallbackToLocal) {
    public WorkerPolicy {
        if (maxWorkerRestart < 0) {
            throw new IllegalArgumentException("maxWorkerRestart must be >= 0, got " + maxWorkerRestart);
        }
        if (startTimeout.isNegative() || startTimeout.isZero()) {
            throw new IllegalArgumentException("startTimeout must be positive, got " + startTimeout);
        }
    }
}
