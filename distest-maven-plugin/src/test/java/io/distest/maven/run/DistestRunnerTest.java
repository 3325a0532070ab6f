package io.distest.maven.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distest.maven.remote.SshOptions;
import io.distest.maven.remote.SshdServer;
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
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Real worker JVMs, real launcher, real Surefire reporters: the run from specs to XML reports. */
class DistestRunnerTest {
    private static final String FIXTURES = "io.distest.maven.run.fixtures.";

    @RegisterExtension
    static final SshdServer SSHD = new SshdServer();

    @TempDir
    Path temp;

    private final RecordingLog log = new RecordingLog();
    private String serverToken;
    private boolean reuseForks = true;
    private Path moduleBasedir = Path.of("").toAbsolutePath();
    private Path extraClasspath;
    private List<Path> rsyncDirs = List.of();
    private List<String> rsyncIgnores = List.of();
    private SshOptions sshOptions = SshOptions.defaults();

    @Test
    void runsEveryClassAcrossTwoWorkersAndWritesSurefireReports() throws Exception {
        RunSummary summary = run(List.of("2*popen"), "PassingFixture", "FailingFixture", "Slow1Fixture", "Slow2Fixture");

        assertEquals(7, summary.tests());
        assertEquals(1, summary.failures());
        assertEquals(1, summary.errors());
        assertEquals(1, summary.skipped());
        String passing = report("PassingFixture");
        assertTrue(passing.contains("printed by addsUp on gw"), "per-test output is in the report:\n" + passing);
        assertTrue(passing.contains("name=\"distest.worker\""), passing);
        String failing = report("FailingFixture");
        assertTrue(failing.contains("type=\"org.opentest4j.AssertionFailedError\""), failing);
        assertTrue(failing.contains("type=\"java.lang.IllegalStateException\""), failing);
        assertTrue(log.lines().stream().anyMatch(l -> l.startsWith("[gw0] 2*popen: Java ")), log.text());
        assertTrue(log.lines().stream().anyMatch(l -> l.startsWith("[gw1] 2*popen: Java ")), log.text());
        assertTrue(log.text().contains("Tests run: 7, Failures: 1, Errors: 1, Skipped: 1"), log.text());
    }

    @Test
    void givesEveryClassAFreshJvmWhenForksAreNotReused() throws Exception {
        reuseForks = false;
        RunSummary summary = run(List.of("2*popen"), "PidFixture", "Pid2Fixture", "Slow1Fixture");
        assertEquals(3, summary.tests());
        String first = report("PidFixture").replaceAll("(?s).*pid=(\\d+).*", "$1");
        String second = report("Pid2Fixture").replaceAll("(?s).*pid=(\\d+).*", "$1");
        assertFalse(first.equals(second), "each class ran in its own JVM: " + first + " vs " + second);
        assertFalse(log.text().contains("restart"), "retiring a worker is not a restart:\n" + log.text());
    }

    @Test
    void failsClearlyWhenTheJavaOfASpecDoesNotExist() {
        DistestException e = assertThrows(DistestException.class,
                () -> run(List.of("popen//java=/no/such/java"), "PassingFixture"));
        assertTrue(e.getMessage().contains("/no/such/java"), e.getMessage());
        assertTrue(e.getMessage().contains("//java="), e.getMessage());
    }

    @Test
    void failsClearlyWhenAWorkerJvmCannotStart() {
        DistestException e = assertThrows(DistestException.class,
                () -> run(List.of("popen//jvmArgs=-XX:+NoSuchJvmOption"), "PassingFixture"));
        assertTrue(e.getMessage().contains("could not start"), e.getMessage());
        assertTrue(e.getMessage().contains("NoSuchJvmOption"), "quotes the JVM's own complaint:\n" + e.getMessage());
    }

    @Test
    void leavesNoWorkerProcessBehind() throws Exception {
        run(List.of("2*popen"), "Slow1Fixture", "Slow2Fixture");
        List<String> leftovers = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(p -> p.info().commandLine().orElse("")).filter(c -> c.contains("io.distest.worker.WorkerMain")).toList();
        assertEquals(List.of(), leftovers);
    }

    @Test
    void runsOnASocketServerWhoseRootTheBuildCannotSeeAndResendsOnlyWhatChanged() throws Exception {
        Path serverRoot = Files.createTempDirectory("distest-far-side");
        try (WorkerServerProcess server = new WorkerServerProcess(workerJar(), serverRoot, "s3cret")) {
            serverToken = "s3cret";
            String spec = "2*socket=127.0.0.1:" + server.port;

            RunSummary first = run(List.of(spec), "PassingFixture", "Slow1Fixture", "Slow2Fixture");
            assertEquals(5, first.tests());
            assertTrue(report("PassingFixture").contains("printed by addsUp on gw"), report("PassingFixture"));
            assertTrue(syncLine().matches(".*sent [1-9]\\d* files.*"), syncLine());
            assertTrue(Files.isDirectory(serverRoot.resolve("cas")), "content travelled into the server's cache");

            log.clear();
            run(List.of(spec), "PassingFixture");
            assertTrue(syncLine().contains("sent 0 files (0 B)"), "an unchanged project sends nothing: " + syncLine());
        } finally {
            deleteTree(serverRoot);
        }
    }

    @Test
    void sendsOnlyTheOneChangedClassAndTheRsyncDirsAFarSideTestReads() throws Exception {
        Path serverRoot = Files.createTempDirectory("distest-far-side");
        Path module = temp.resolve("module");
        Files.createDirectories(module.resolve("data"));
        Files.writeString(module.resolve("data/input.txt"), "travelled\n");
        Files.writeString(module.resolve("data/build.log"), "ignored\n");
        Path changing = module.resolve("extra-classes/io/distest/Changing.class");
        Files.createDirectories(changing.getParent());
        Files.copy(fixtureClass("Slow1Fixture"), changing);
        moduleBasedir = module;
        extraClasspath = module.resolve("extra-classes");
        rsyncDirs = List.of(Path.of("data"));
        rsyncIgnores = List.of("**.log");
        try (WorkerServerProcess server = new WorkerServerProcess(workerJar(), serverRoot, "s3cret")) {
            serverToken = "s3cret";
            String spec = "socket=127.0.0.1:" + server.port;

            RunSummary first = run(List.of(spec), "ReadsDataFixture");
            assertEquals(1, first.tests());
            assertEquals(0, first.failures() + first.errors(), report("ReadsDataFixture"));
            try (Stream<Path> synced = Files.walk(serverRoot.resolve("cas"))) {
                assertTrue(synced.noneMatch(p -> p.toString().endsWith("build.log")));
            }

            // new content no cache has seen (a plain copy of another class would already be cached: content-addressed)
            Files.write(changing, (new String(Files.readAllBytes(fixtureClass("Slow2Fixture")), "ISO-8859-1")
                    + System.nanoTime()).getBytes("ISO-8859-1"));
            log.clear();
            run(List.of(spec), "ReadsDataFixture");
            assertTrue(syncLine().contains("sent 1 files"), "one changed class sends one file: " + syncLine());
        } finally {
            deleteTree(serverRoot);
        }
    }

    private static Path fixtureClass(String name) {
        return Path.of("target/test-classes/io/distest/maven/run/fixtures/" + name + ".class");
    }

    @Test
    void refusesAWrongServerTokenAndRunsNothing() throws Exception {
        Path serverRoot = Files.createTempDirectory("distest-far-side");
        try (WorkerServerProcess server = new WorkerServerProcess(workerJar(), serverRoot, "right")) {
            serverToken = "wrong";
            DistestException e = assertThrows(DistestException.class,
                    () -> run(List.of("socket=127.0.0.1:" + server.port), "PassingFixture"));
            assertTrue(e.getMessage().contains("wrong token"), e.getMessage());
            assertTrue(e.getMessage().contains("-Ddistest.token"), e.getMessage());
            assertFalse(Files.exists(temp.resolve("reports")), "nothing ran");
            Thread.sleep(200);
            assertTrue(server.log().contains("refused"), server.log());
        } finally {
            deleteTree(serverRoot);
        }
    }

    @Test
    void runsTwoWorkersOverSshInACacheDirectoryOfTheFarSide() throws Exception {
        Path farSide = Files.createTempDirectory("distest-ssh-far-side");
        try {
            sshOptions = SSHD.options(SSHD.writeKnownHosts(temp.resolve("known_hosts")));
            String spec = "2*ssh=" + SSHD.user() + "@127.0.0.1:" + SSHD.port() + "//chdir=" + farSide;

            RunSummary summary = run(List.of(spec), "PassingFixture", "Slow1Fixture", "Slow2Fixture");

            assertEquals(5, summary.tests());
            assertEquals(0, summary.failures() + summary.errors());
            assertTrue(log.text().contains("installed the worker jar"), log.text());
            assertTrue(syncLine().matches(".*sent [1-9]\\d* files.*"), syncLine());
            assertTrue(log.lines().stream().anyMatch(l -> l.startsWith("[gw1] " + spec + ": Java ")), log.text());
            try (Stream<Path> jars = Files.list(farSide.resolve("jars"))) {
                assertEquals(1, jars.count(), "the worker jar is cached by hash on the far side");
            }
            Thread.sleep(500);
            assertEquals(List.of(), serverProcessesUnder(farSide), "the far side's server ends with the connection");
        } finally {
            deleteTree(farSide);
        }
    }

    @Test
    void refusesAnUnknownSshHostKeyWithItsFingerprint() throws Exception {
        sshOptions = SSHD.options(temp.resolve("empty_known_hosts"));
        DistestException e = assertThrows(DistestException.class,
                () -> run(List.of("ssh=" + SSHD.user() + "@127.0.0.1:" + SSHD.port()), "PassingFixture"));
        assertTrue(e.getMessage().contains("SHA256:"), e.getMessage());
        assertTrue(e.getMessage().contains("acceptNewHostKeys"), e.getMessage());
        assertFalse(Files.exists(temp.resolve("reports")), "nothing ran");
    }

    /** Worker servers still running with a root below {@code root}. */
    private static List<String> serverProcessesUnder(Path root) {
        return ProcessHandle.allProcesses()
                .map(p -> p.info().commandLine().orElse(""))
                .filter(c -> c.contains("distest-worker") && c.contains(root.toString()))
                .toList();
    }

    private String syncLine() {
        return log.lines().stream().filter(l -> l.contains("synced")).findFirst().orElse("(no sync line)\n" + log.text());
    }

    private static void deleteTree(Path root) throws Exception {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private RunSummary run(List<String> specs, String... fixtures) throws Exception {
        List<TestUnit> units = new ArrayList<>();
        for (String fixture : fixtures) {
            units.add(TestUnit.wholeClass(units.size(), FIXTURES + fixture));
        }
        Path work = temp.resolve("distest");
        List<Path> classpath = new ArrayList<>(classpath());
        if (extraClasspath != null) {
            classpath.add(extraClasspath);
        }
        RunRequest request = new RunRequest(TxSpecs.parseAll(specs), units, classpath, workerJar(),
                new JvmSettings(List.of(), Map.of(), Map.of(), moduleBasedir),
                new TestFilters(List.of(), List.of(), Map.of()),
                new ReportOptions(temp.resolve("reports"), false, false), work,
                new WorkerPolicy(2, Duration.ofSeconds(60), reuseForks),
                new RemoteSettings(new SyncSettings(Path.of(System.getProperty("user.home"), ".m2", "repository"),
                        moduleBasedir, moduleBasedir, rsyncDirs, rsyncIgnores), serverToken,
                        sshOptions));
        return new DistestRunner(log).run(request);
    }

    private String report(String fixture) throws Exception {
        Path xml = temp.resolve("reports").resolve("TEST-" + FIXTURES + fixture + ".xml");
        assertTrue(Files.exists(xml), "no report " + xml);
        return Files.readString(xml);
    }

    /** This module's own test class path holds the fixtures, Jupiter and the launcher. */
    private static List<Path> classpath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of)
                .filter(p -> !p.toString().contains("surefire"))
                .collect(Collectors.toList());
    }

    private static Path workerJar() {
        Path jar = Path.of("target", "classes", "META-INF", "distest", "distest-worker.jar");
        assertNotNull(jar);
        assertTrue(Files.exists(jar), "build the module first: " + jar.toAbsolutePath());
        return jar;
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
