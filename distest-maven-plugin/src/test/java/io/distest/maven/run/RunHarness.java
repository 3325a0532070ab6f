package io.distest.maven.run;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distest.maven.remote.SshOptions;
import io.distest.maven.schedule.TestUnit;
import io.distest.maven.tx.TxSpecs;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.maven.plugin.logging.SystemStreamLog;

/**
 * Runs fixtures (classes of this module's test sources) on real worker JVMs through {@link DistestRunner}, and
 * reads what came out: the summary, the XML reports, the console lines.
 */
final class RunHarness {
    static final String FIXTURES = "io.distest.maven.run.fixtures.";

    final Path temp;
    final RecordingLog log = new RecordingLog();
    WorkerPolicy workers = new WorkerPolicy(2, Duration.ofSeconds(60), true);
    Map<String, String> systemProperties = Map.of();
    String serverToken;
    Path moduleBasedir = Path.of("").toAbsolutePath();
    Path extraClasspath;
    List<Path> rsyncDirs = List.of();
    List<String> rsyncIgnores = List.of();
    SshOptions sshOptions = SshOptions.defaults();
    Dist dist = Dist.LOAD;
    /** Where the run's timeline page goes; {@code null}: none. */
    Path timeline;
    /** What the test JVMs get; {@code null}: {@link #systemProperties} and the module directory. */
    JvmSettings jvm;
    TestFilters filters = new TestFilters(List.of(), List.of(), Map.of());

    RunHarness(Path temp) {
        this.temp = temp;
    }

    RunSummary run(List<String> specs, String... fixtures) throws Exception {
        List<TestUnit> units = new ArrayList<>();
        for (String fixture : fixtures) {
            units.add(TestUnit.wholeClass(units.size(), FIXTURES + fixture));
        }
        List<Path> classpath = new ArrayList<>(classpath());
        if (extraClasspath != null) {
            classpath.add(extraClasspath);
        }
        RunRequest request = new RunRequest(TxSpecs.parseAll(specs), units, classpath, workerJar(),
                jvm != null ? jvm : new JvmSettings(List.of(), systemProperties, Map.of(), moduleBasedir),
                filters,
                new ReportOptions(temp.resolve("reports"), false, false, workers.rerunFailingTestsCount(), "", timeline),
                temp.resolve("distest"), workers,
                new RemoteSettings(new SyncSettings(Path.of(System.getProperty("user.home"), ".m2", "repository"),
                        moduleBasedir, moduleBasedir, rsyncDirs, rsyncIgnores), serverToken, sshOptions),
                SpeedOptions.NONE, dist);
        return new DistestRunner(log).run(request);
    }

    String report(String fixture) throws Exception {
        return reportNamed("TEST-" + FIXTURES + fixture + ".xml");
    }

    String reportNamed(String fileName) throws Exception {
        Path xml = temp.resolve("reports").resolve(fileName);
        assertTrue(Files.exists(xml), "no report " + xml + "\n" + log.text());
        return Files.readString(xml);
    }

    /** This module's own test class path holds the fixtures, Jupiter and the launcher. */
    static List<Path> classpath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of)
                .filter(p -> !p.toString().contains("surefire"))
                .toList();
    }

    static Path workerJar() {
        Path jar = Path.of("target", "classes", "META-INF", "distest", "distest-worker.jar");
        assertTrue(Files.exists(jar), "build the module first: " + jar.toAbsolutePath());
        return jar;
    }

    static void deleteTree(Path root) throws Exception {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Worker JVMs still alive anywhere on this machine whose command line mentions {@code marker}. */
    static List<String> workerProcesses(String marker) {
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .map(p -> p.info().commandLine().orElse(""))
                .filter(c -> c.contains("io.distest.worker.WorkerMain") && c.contains(marker))
                .toList();
    }

    /** Keeps what the runner logs, so tests can read the console lines. */
    static final class RecordingLog extends SystemStreamLog {
        private final List<String> lines = new ArrayList<>();

        @Override
        public void debug(CharSequence content) {
            // the worker command lines: not needed here
        }

        @Override
        public void info(CharSequence content) {
            record(content);
        }

        @Override
        public void warn(CharSequence content) {
            record(content);
        }

        @Override
        public void error(CharSequence content) {
            record(content);
        }

        private synchronized void record(CharSequence content) {
            // Surefire colours its lines; tests read them plain
            Stream.of(content.toString().replaceAll("\u001B\\[[;\\d]*m", "").split("\n")).forEach(lines::add);
        }

        synchronized void clear() {
            lines.clear();
        }

        synchronized List<String> lines() {
            return new ArrayList<>(lines);
        }

        String text() {
            return String.join("\n", lines());
        }
    }
}
