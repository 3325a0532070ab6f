package io.distest.maven.run;


import io.distest.maven.gateway.ssh.SshOptions;
import io.distest.maven.schedule.TestUnit;
import io.distest.maven.settings.Dist;
import io.distest.maven.settings.JvmSettings;
import io.distest.maven.settings.RemoteSettings;
import io.distest.maven.settings.ReportOptions;
import io.distest.maven.settings.Requests;
import io.distest.maven.settings.RunPolicy;
import io.distest.maven.settings.RunRequest;
import io.distest.maven.settings.SpeedOptions;
import io.distest.maven.settings.SyncSettings;
import io.distest.maven.settings.TestFilters;
import io.distest.maven.settings.WorkerPolicy;
import io.distest.maven.tx.TxSpecs;
import static org.junit.jupiter.api.Assertions.assertTrue;
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
public final class RunHarness {
    public static final String FIXTURES = "io.distest.maven.run.fixtures.";

    final Path temp;
    public final RecordingLog log = new RecordingLog();
    public WorkerPolicy workers = Requests.workers(2, Duration.ofSeconds(60));
    public RunPolicy policy = Requests.policy(true);
    public Map<String, String> systemProperties = Map.of();
    public String serverToken;
    public Path moduleBasedir = Path.of("").toAbsolutePath();
    Path extraClasspath;
    List<Path> rsyncDirs = List.of();
    List<String> rsyncIgnores = List.of();
    public SshOptions sshOptions = SshOptions.defaults();
    public Dist dist = Dist.LOAD;
    /** Where the run's timeline page goes; {@code null}: none. */
    public Path timeline;
    /** What the test JVMs get; {@code null}: {@link #systemProperties} and the module directory. */
    public JvmSettings jvm;
    public TestFilters filters = Requests.filters(List.of(), List.of(), Map.of());
    /** Observers of the run besides the runner's own. */
    public List<io.distest.maven.report.RunObserver> observers = List.of();

    public RunHarness(Path temp) {
        this.temp = temp;
    }

    public RunSummary run(List<String> specs, String... fixtures) throws Exception {
        List<TestUnit> units = new ArrayList<>();
        for (String fixture : fixtures) {
            units.add(TestUnit.wholeClass(units.size(), FIXTURES + fixture));
        }
        List<Path> classpath = new ArrayList<>(classpath());
        if (extraClasspath != null) {
            classpath.add(extraClasspath);
        }
        RunRequest request = Requests.run(TxSpecs.parseAll(specs), units, classpath, workerJar(),
                jvm != null ? jvm : Requests.jvm(List.of(), systemProperties, Map.of(), moduleBasedir),
                filters,
                Requests.reports(temp.resolve("reports"), false, false, "", timeline),
                temp.resolve("distest"), workers, policy,
                new RemoteSettings(new SyncSettings(Path.of(System.getProperty("user.home"), ".m2", "repository"),
                        moduleBasedir, moduleBasedir, rsyncDirs, rsyncIgnores), serverToken, sshOptions),
                SpeedOptions.NONE, dist);
        return new DistestRunner(log).run(request, observers);
    }

    public String report(String fixture) throws Exception {
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

    public static Path workerJar() {
        Path jar = Path.of("target", "classes", "META-INF", "distest", "distest-worker.jar");
        assertTrue(Files.exists(jar), "build the module first: " + jar.toAbsolutePath());
        return jar;
    }

    /** The standby worker JVMs a worker server started under {@code farSide} (their command lines name it). */
    public static List<Long> standbyPidsUnder(Path farSide) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains(farSide.toString())
                        && p.info().commandLine().orElse("").contains("WorkerMain standby"))
                .map(ProcessHandle::pid).toList();
    }

    /** Deletes what is there; a far side may remove its own session meanwhile, so what vanished is not an error. */
    public static void deleteTree(Path root) throws Exception {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes attributes) {
                file.toFile().delete();
                return java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFileFailed(Path file, java.io.IOException e) throws java.io.IOException {
                if (e instanceof java.nio.file.NoSuchFileException) {
                    return java.nio.file.FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public java.nio.file.FileVisitResult postVisitDirectory(Path dir, java.io.IOException e) {
                dir.toFile().delete();
                return java.nio.file.FileVisitResult.CONTINUE;
            }
        });
    }

    /** Worker JVMs still alive anywhere on this machine whose command line mentions {@code marker}. */
    public static List<String> workerProcesses(String marker) {
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .map(p -> p.info().commandLine().orElse(""))
                .filter(c -> c.contains("io.distest.worker.WorkerMain") && c.contains(marker))
                .toList();
    }

    /** Keeps what the runner logs, so tests can read the console lines. */
    public static final class RecordingLog extends SystemStreamLog {
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

        public synchronized void clear() {
            lines.clear();
        }

        public synchronized List<String> lines() {
            return new ArrayList<>(lines);
        }

        /** The process ids of the workers whose start-up lines ({@code [gwN] …, pid N, ready in …}) were logged. */
        public List<Long> workerPids() {
            return lines().stream().filter(l -> l.matches("\\[gw\\d+] .*, pid \\d+, ready in .*"))
                    .map(l -> Long.parseLong(l.replaceAll(".*, pid (\\d+), ready in .*", "$1"))).sorted().toList();
        }

        public String text() {
            return String.join("\n", lines());
        }
    }
}
