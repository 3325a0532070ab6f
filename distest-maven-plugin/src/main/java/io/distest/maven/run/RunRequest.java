package io.distest.maven.run;

import io.distest.maven.schedule.TestUnit;
import io.distest.maven.tx.TxSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything one distributed run needs, decided before anything starts.
 *
 * @param specs the gateways, in order; worker ids are gw0, gw1, … across them unless a spec names its own
 * @param units the selected test units, in the order they are handed out
 * @param testClasspath the test JVM's class path (test classes, classes, dependencies, launcher and engines)
 * @param workerJar the distest worker jar to start
 * @param workDirectory where per-run files go (worker logs, argument files)
 * @param maxWorkerRestart how many crashed workers are replaced before the run gives up
 * @param startTimeout how long a worker may take to connect after its JVM was started
 * @param remote what ssh and socket gateways need
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
        int maxWorkerRestart,
        Duration startTimeout,
        RemoteSettings remote) {
    public RunRequest {
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("at least one tx spec is needed");
        }
        if (maxWorkerRestart < 0) {
            throw new IllegalArgumentException("maxWorkerRestart must be >= 0, got " + maxWorkerRestart);
        }
        specs = List.copyOf(specs);
        units = List.copyOf(units);
        testClasspath = List.copyOf(testClasspath);
    }

    /** How many workers the specs ask for. */
    public int workerCount() {
        return specs.stream().mapToInt(TxSpec::count).sum();
    }
}
