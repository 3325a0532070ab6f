package io.distest.maven.settings;

import io.distest.maven.schedule.TestUnit;
import io.distest.maven.surefire.ReportNaming;
import io.distest.maven.tx.TxSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The tests' short ways to the run's settings: what main code always says in full, with the usual defaults. */
public final class Requests {
    private Requests() {}

    /** A run on the JUnit Platform launcher. */
    public static RunRequest run(List<TxSpec> specs, List<TestUnit> units, List<Path> testClasspath, Path workerJar,
            JvmSettings jvm, TestFilters filters, ReportOptions reports, Path workDirectory, WorkerPolicy workers,
            RunPolicy policy, RemoteSettings remote, SpeedOptions speed, Dist dist) {
        return new RunRequest(specs, units, testClasspath, workerJar, jvm, filters, reports, workDirectory, workers,
                policy, remote, speed, dist, null);
    }

    /** A dist=load run without durations history. */
    public static RunRequest run(List<TxSpec> specs, List<TestUnit> units, List<Path> testClasspath, Path workerJar,
            JvmSettings jvm, TestFilters filters, ReportOptions reports, Path workDirectory, WorkerPolicy workers,
            RunPolicy policy, RemoteSettings remote) {
        return run(specs, units, testClasspath, workerJar, jvm, filters, reports, workDirectory, workers, policy,
                remote, SpeedOptions.NONE, Dist.LOAD);
    }

    /** Named and laid out as Surefire 3.5.4. */
    public static ReportOptions reports(Path reportsDirectory, boolean trimStackTrace, boolean redirectTestOutputToFile,
            String reportNameSuffix, Path timeline) {
        return new ReportOptions(reportsDirectory, trimStackTrace, redirectTestOutputToFile, reportNameSuffix, timeline,
                ReportNaming.LATEST);
    }

    /** No suffix, no timeline. */
    public static ReportOptions reports(Path reportsDirectory, boolean trimStackTrace,
            boolean redirectTestOutputToFile) {
        return reports(reportsDirectory, trimStackTrace, redirectTestOutputToFile, "", null);
    }

    /** Named as Surefire 3.5's JUnit Platform provider names results. */
    public static TestFilters filters(List<String> includeTags, List<String> excludeTags,
            Map<String, String> configurationParameters, List<String> includeEngines, List<String> excludeEngines) {
        return new TestFilters(includeTags, excludeTags, configurationParameters, includeEngines, excludeEngines, true,
                false);
    }

    /** Every engine runs. */
    public static TestFilters filters(List<String> includeTags, List<String> excludeTags,
            Map<String, String> configurationParameters) {
        return filters(includeTags, excludeTags, configurationParameters, List.of(), List.of());
    }

    /** Restarts and start timeout; no fallback. */
    public static WorkerPolicy workers(int maxWorkerRestart, Duration startTimeout) {
        return new WorkerPolicy(maxWorkerRestart, startTimeout, false);
    }

    /** Reuse as given; no timeouts, no re-runs, no skipping. */
    public static RunPolicy policy(boolean reuseForks) {
        return new RunPolicy(reuseForks, Duration.ZERO, Duration.ZERO, 0, 0);
    }

    /** Inheriting the whole environment. */
    public static JvmSettings jvm(List<String> argLine, Map<String, String> systemProperties,
            Map<String, String> environment, Path workingDirectory) {
        return new JvmSettings(argLine, systemProperties, environment, workingDirectory, Set.of(), false);
    }
}
