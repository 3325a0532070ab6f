package io.distest.maven.settings;

import io.distest.maven.schedule.TestUnit;
import io.distest.maven.tx.TxSpec;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything one distributed run needs, decided before anything starts: the runner's one input, which it splits
 * into what each layer reads ({@link #workerSetup} for the gateways, the policies for the pool and the loop).
 *
 * @param specs the gateways, in order; worker ids are gw0, gw1, … across them unless a spec names its own
 * @param units the selected test units, in the order they are handed out
 * @param testClasspath the test JVM's class path (test classes, classes, dependencies, launcher and engines)
 * @param workerJar the distest worker jar to start
 * @param workDirectory where per-run files go (worker logs, argument files)
 * @param workers how the pool keeps worker JVMs (restarts, start timeout, fallback)
 * @param policy what the run loop decides with (reuse, timeouts, re-runs, skipping)
 * @param remote what ssh and socket gateways need
 * @param speed the durations history and class splitting
 * @param dist {@code load} or {@code each}
 * @param provider a Surefire provider the workers run the units through; {@code null}: the JUnit Platform launcher
 */
public record RunRequest(
        List<TxSpec> specs,
        List<TestUnit> units,
        List<Path> testClasspath,
        Path workerJar,
        JvmSettings jvm,
        TestFilters filters,
        ReportOptions reports,
        Path workDirectory,
        WorkerPolicy workers,
        RunPolicy policy,
        RemoteSettings remote,
        SpeedOptions speed,
        Dist dist,
        ProviderRun provider) {
    public RunRequest {
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("at least one tx spec is needed");
        }
        specs = List.copyOf(specs);
        units = List.copyOf(units);
        testClasspath = List.copyOf(testClasspath);
    }

    /** The same request with other units (ordered, split). */
    public RunRequest withUnits(List<TestUnit> planned) {
        return new RunRequest(specs, planned, testClasspath, workerJar, jvm, filters, reports, workDirectory, workers,
                policy, remote, speed, dist, provider);
    }

    /**
     * The same request on its first {@code count} workers: specs lose workers from the last one backwards, and a
     * spec left with none is dropped (its gateway is never opened).
     */
    public RunRequest withWorkerCount(int count) {
        if (count < 1 || count > workerCount()) {
            throw new IllegalArgumentException("count must be in 1.." + workerCount() + ", got " + count);
        }
        List<TxSpec> kept = new java.util.ArrayList<>();
        int left = count;
        for (TxSpec spec : specs) {
            if (left == 0) {
                break;
            }
            kept.add(spec.count() <= left ? spec : spec.withCount(left));
            left -= Math.min(left, spec.count());
        }
        return new RunRequest(kept, units, testClasspath, workerJar, jvm, filters, reports, workDirectory, workers,
                policy, remote, speed, dist, provider);
    }

    /** What every worker JVM starts with: the gateways' part of the request. */
    public WorkerSetup workerSetup() {
        return new WorkerSetup(testClasspath, workerJar, jvm, remote.sync().moduleBasedir(),
                remote.sync().localRepository());
    }

    /** The gateway group of one of the specs (see {@link Dist#groupOf}). */
    public String groupOf(TxSpec spec) {
        return dist.groupOf(spec, specs);
    }

    /** How many workers the specs ask for. */
    public int workerCount() {
        return specs.stream().mapToInt(TxSpec::count).sum();
    }
}
