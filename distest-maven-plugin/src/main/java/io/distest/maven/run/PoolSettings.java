package io.distest.maven.run;

import io.distest.maven.settings.Dist;
import io.distest.maven.settings.WorkerPolicy;
import io.distest.maven.settings.WorkerSetup;
import io.distest.maven.tx.TxSpec;
import java.nio.file.Path;
import java.util.List;

/**
 * What the {@link WorkerPool} reads: which workers to start, with what, and how to keep them.
 *
 * @param specs the gateways, in order (worker numbers run across them)
 * @param dist decides the workers' groups ({@link Dist#groupOf})
 * @param workDirectory where the workers' logs and argument files go
 * @param setup what every worker JVM starts with (also a local stand-in for an unreachable remote gateway)
 * @param workers restarts, start timeout, fallback to local workers
 * @param held how many of the last workers wait until the run loop releases them ({@code WorkerRamp}); 0: none
 */
record PoolSettings(List<TxSpec> specs, Dist dist, Path workDirectory, WorkerSetup setup, WorkerPolicy workers,
        int held) {
    PoolSettings {
        specs = List.copyOf(specs);
        if (held < 0 || held >= Math.max(1, specs.stream().mapToInt(TxSpec::count).sum())) {
            throw new IllegalArgumentException("held must leave a worker to start first, got " + held);
        }
    }

    /** Every worker starts at once. */
    PoolSettings(List<TxSpec> specs, Dist dist, Path workDirectory, WorkerSetup setup, WorkerPolicy workers) {
        this(specs, dist, workDirectory, setup, workers, 0);
    }

    /** The gateway group of one of the specs. */
    String groupOf(TxSpec spec) {
        return dist.groupOf(spec, specs);
    }
}
