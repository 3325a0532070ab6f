package io.distest.maven.run;


import io.distest.maven.gateway.ssh.EarlySshStarts;
import io.distest.maven.gateway.ssh.SshdServer;
import io.distest.maven.settings.Requests;
import io.distest.maven.settings.WorkerPolicy;
import io.distest.maven.tx.TxSpecs;
import io.distest.shared.UserCache;
import io.distest.testing.Poll;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real worker JVMs, real launcher, real Surefire reporters: the run from specs to XML reports. */
class DistestRunnerTest {

    @RegisterExtension
    static final SshdServer SSHD = new SshdServer();

    @TempDir
    Path temp;

    private RunHarness harness;
    private RunHarness.RecordingLog log;

    @BeforeEach
    void harness() {
        harness = new RunHarness(temp);
        log = harness.log;
    }

    @Test
    void runsEveryClassAcrossTwoWorkersAndWritesSurefireReports() throws Exception {
        RunSummary summary = harness.run(List.of("2*popen"), "PassingFixture", "FailingFixture", "Slow1Fixture", "Slow2Fixture");

        assertEquals(7, summary.tests());
        assertEquals(1, summary.failures());
        assertEquals(1, summary.errors());
        assertEquals(1, summary.skipped());
        String passing = harness.report("PassingFixture");
        assertTrue(passing.contains("printed by addsUp on gw"), "per-test output is in the report:\n" + passing);
        assertTrue(passing.contains("name=\"distest.worker\""), passing);
        String failing = harness.report("FailingFixture");
        assertTrue(failing.contains("type=\"org.opentest4j.AssertionFailedError\""), failing);
        assertTrue(failing.contains("type=\"java.lang.IllegalStateException\""), failing);
        assertTrue(log.lines().stream().anyMatch(l -> l.startsWith("[gw0] 2*popen: Java ")), log.text());
        assertTrue(log.lines().stream().anyMatch(l -> l.startsWith("[gw1] 2*popen: Java ")), log.text());
        assertTrue(log.text().contains("Tests run: 7, Failures: 1, Errors: 1, Skipped: 1"), log.text());
    }

    @Test
    void givesEveryClassAFreshJvmWhenForksAreNotReused() throws Exception {
        harness.policy = Requests.policy(false);
        RunSummary summary = harness.run(List.of("2*popen"), "PidFixture", "Pid2Fixture", "Slow1Fixture");
        assertEquals(3, summary.tests());
        String first = harness.report("PidFixture").replaceAll("(?s).*pid=(\\d+).*", "$1");
        String second = harness.report("Pid2Fixture").replaceAll("(?s).*pid=(\\d+).*", "$1");
        assertFalse(first.equals(second), "each class ran in its own JVM: " + first + " vs " + second);
        assertFalse(log.text().contains("restart"), "retiring a worker is not a restart:\n" + log.text());
    }

    @Test
    void failsClearlyWhenTheJavaOfASpecDoesNotExist() {
        DistestException e = assertThrows(DistestException.class,
                () -> harness.run(List.of("popen//java=/no/such/java"), "PassingFixture"));
        assertTrue(e.getMessage().contains("/no/such/java"), e.getMessage());
        assertTrue(e.getMessage().contains("//java="), e.getMessage());
    }

    @Test
    void failsClearlyWhenAWorkerJvmCannotStart() {
        DistestException e = assertThrows(DistestException.class,
                () -> harness.run(List.of("popen//jvmArgs=-XX:+NoSuchJvmOption"), "PassingFixture"));
        assertTrue(e.getMessage().contains("could not start"), e.getMessage());
        assertTrue(e.getMessage().contains("NoSuchJvmOption"), "quotes the JVM's own complaint:\n" + e.getMessage());
    }

    @Test
    void runsOnASocketServerWhoseRootTheBuildCannotSeeAndResendsOnlyWhatChanged() throws Exception {
        Path serverRoot = Files.createTempDirectory("distest-far-side");
        try (WorkerServerProcess server = new WorkerServerProcess(RunHarness.workerJar(), serverRoot, "s3cret")) {
            harness.serverToken = "s3cret";
            String spec = "2*socket=127.0.0.1:" + server.port;

            RunSummary first = harness.run(List.of(spec), "PassingFixture", "Slow1Fixture", "Slow2Fixture");
            assertEquals(5, first.tests());
            assertTrue(harness.report("PassingFixture").contains("printed by addsUp on gw"), harness.report("PassingFixture"));
            assertTrue(syncLine().matches(".*sent [1-9]\\d* files.*"), syncLine());
            assertTrue(Files.isDirectory(serverRoot.resolve("cas")), "content travelled into the server's cache");

            log.clear();
            harness.run(List.of(spec), "PassingFixture");
            assertTrue(syncLine().contains("sent 0 files (0 B)"), "an unchanged project sends nothing: " + syncLine());
        } finally {
            RunHarness.deleteTree(serverRoot);
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
        harness.moduleBasedir = module;
        harness.extraClasspath = module.resolve("extra-classes");
        harness.rsyncDirs = List.of(Path.of("data"));
        harness.rsyncIgnores = List.of("**.log");
        try (WorkerServerProcess server = new WorkerServerProcess(RunHarness.workerJar(), serverRoot, "s3cret")) {
            harness.serverToken = "s3cret";
            String spec = "socket=127.0.0.1:" + server.port;

            RunSummary first = harness.run(List.of(spec), "ReadsDataFixture");
            assertEquals(1, first.tests());
            assertEquals(0, first.failures() + first.errors(), harness.report("ReadsDataFixture"));
            try (Stream<Path> synced = Files.walk(serverRoot.resolve("cas"))) {
                assertTrue(synced.noneMatch(p -> p.toString().endsWith("build.log")));
            }

            // new content no cache has seen (a plain copy of another class would already be cached: content-addressed)
            Files.write(changing, (new String(Files.readAllBytes(fixtureClass("Slow2Fixture")), "ISO-8859-1")
                    + System.nanoTime()).getBytes("ISO-8859-1"));
            log.clear();
            harness.run(List.of(spec), "ReadsDataFixture");
            assertTrue(syncLine().contains("sent 1 files"), "one changed class sends one file: " + syncLine());
        } finally {
            RunHarness.deleteTree(serverRoot);
        }
    }

    private static Path fixtureClass(String name) {
        return Path.of("target/test-classes/io/distest/maven/run/fixtures/" + name + ".class");
    }

    @Test
    void refusesAWrongServerTokenAndRunsNothing() throws Exception {
        Path serverRoot = Files.createTempDirectory("distest-far-side");
        try (WorkerServerProcess server = new WorkerServerProcess(RunHarness.workerJar(), serverRoot, "right")) {
            harness.serverToken = "wrong";
            DistestException e = assertThrows(DistestException.class,
                    () -> harness.run(List.of("socket=127.0.0.1:" + server.port), "PassingFixture"));
            assertTrue(e.getMessage().contains("wrong token"), e.getMessage());
            assertTrue(e.getMessage().contains("$DISTEST_TOKEN"), e.getMessage());
            assertFalse(e.getMessage().contains("-Ddistest.token"),
                    "a secret on the command line shows in ps: " + e.getMessage());
            assertFalse(Files.exists(temp.resolve("reports")), "nothing ran");
            assertTrue(Poll.within(Duration.ofSeconds(10), () -> server.log().contains("refused")), server.log());
        } finally {
            RunHarness.deleteTree(serverRoot);
        }
    }

    @Test
    void recordsWhatAUnitUsedOnALocalAndAnSshWorkerAlike() throws Exception {
        Path module = Files.createDirectories(temp.resolve("module"));
        Files.createDirectories(module.resolve("data"));
        Files.writeString(module.resolve("data/input.txt"), "travelled\n");
        Path farSide = Files.createTempDirectory("distest-ssh-used");
        harness.moduleBasedir = module;
        harness.rsyncDirs = List.of(Path.of("data"));
        harness.jvm = new io.distest.maven.settings.JvmSettings(List.of(), java.util.Map.of(), java.util.Map.of(), module,
                java.util.Set.of(), true);
        harness.sshOptions = SSHD.options(SSHD.writeKnownHosts(temp.resolve("known_hosts")));
        try {
            io.distest.protocol.UnitUsed local = usedBy("popen", "ReadsDataFixture");
            io.distest.protocol.UnitUsed remote = usedBy(SSHD.sshSpec() + "//chdir=" + farSide, "ReadsDataFixture");

            String fixture = (RunHarness.FIXTURES + "ReadsDataFixture").replace('.', '/');
            assertTrue(local.classes().contains(fixture), local.toString());
            assertTrue(local.files().contains("data/input.txt"), local.toString());
            assertEquals(local.classes(), remote.classes());
            assertTrue(remote.files().contains("data/input.txt"), remote.toString());
        } finally {
            RunHarness.deleteTree(farSide);
        }
    }

    /** The one record the run's unit of {@code fixture} sent, on {@code spec}. */
    private io.distest.protocol.UnitUsed usedBy(String spec, String fixture) throws Exception {
        List<io.distest.protocol.UnitUsed> records = new java.util.ArrayList<>();
        harness.observers = List.of(new io.distest.maven.report.RunObserver() {
            @Override
            public void unitUsed(String workerId, io.distest.maven.schedule.TestUnit unit,
                    io.distest.protocol.UnitUsed used) {
                records.add(used);
            }
        });
        RunSummary summary = harness.run(List.of(spec), fixture);
        assertEquals(0, summary.failures() + summary.errors(), harness.report(fixture));
        assertEquals(1, records.size(), records.toString());
        return records.get(0);
    }

    @Test
    void runsTwoWorkersOverSshInACacheDirectoryOfTheFarSide() throws Exception {
        Path farSide = Files.createTempDirectory("distest-ssh-far-side");
        try {
            harness.sshOptions = SSHD.options(SSHD.writeKnownHosts(temp.resolve("known_hosts")));
            String spec = "2*" + SSHD.sshSpec() + "//chdir=" + farSide;

            RunSummary summary = harness.run(List.of(spec), "PassingFixture", "Slow1Fixture", "Slow2Fixture");

            assertEquals(5, summary.tests());
            assertEquals(0, summary.failures() + summary.errors());
            assertTrue(log.text().contains("installed the worker jar"), log.text());
            assertTrue(log.text().contains("using SFTP and ssh tunnels"), "the log says which path: " + log.text());
            assertTrue(syncLine().matches(".*sent [1-9]\\d* files.*"), syncLine());
            assertTrue(log.lines().stream().anyMatch(l -> l.startsWith("[gw1] " + spec + ": Java ")), log.text());
            try (Stream<Path> jars = Files.list(farSide.resolve("jars"))) {
                assertEquals(1, jars.count(), "the worker jar is cached by hash on the far side");
            }
            assertEquals(List.of(), Poll.value(Duration.ofSeconds(10), () -> serverProcessesUnder(farSide), List::isEmpty),
                    "the far side's server ends with the connection");
        } finally {
            RunHarness.deleteTree(farSide);
        }
    }

    @Test
    void attachesToTheWorkerServerTheBuildBeforeLeftAndEndsItAfterTheLingerTime() throws Exception {
        Path farSide = Files.createTempDirectory("distest-ssh-linger");
        try {
            harness.sshOptions = SSHD.options(SSHD.writeKnownHosts(temp.resolve("known_hosts")))
                    .withLinger(Duration.ofSeconds(2));
            String spec = "2*" + SSHD.sshSpec() + "//chdir=" + farSide;

            assertEquals(4, harness.run(List.of(spec), "PassingFixture", "Slow1Fixture").tests());
            List<String> left = Poll.value(Duration.ofSeconds(10), () -> serverProcessesUnder(farSide),
                    l -> l.size() == 1 && l.get(0).contains("--linger 2"));
            assertEquals(1, left.size(), "the server stays after its build: " + left);

            assertEquals(1, harness.run(List.of(spec), "Slow1Fixture").tests());
            assertTrue(log.text().contains("attached to the worker server an earlier build left running on "
                    + SSHD.user() + "@127.0.0.1:" + SSHD.port() + ", as this machine remembered it"), log.text());
            assertEquals(left, serverProcessesUnder(farSide), "the same server, no second one");

            forgetRemembered(farSide); // as on another build machine: the far side's check finds it instead
            log.clear();
            assertEquals(1, harness.run(List.of(spec), "Slow1Fixture").tests());
            assertTrue(log.text().contains("attached to the worker server an earlier build left running on "
                    + SSHD.user() + "@127.0.0.1:" + SSHD.port() + " (distest.ssh.linger"), log.text());
            assertEquals(left, serverProcessesUnder(farSide), "still the same server");

            assertEquals(List.of(), Poll.value(Duration.ofSeconds(20), () -> serverProcessesUnder(farSide), List::isEmpty),
                    "it ends once idle for the linger time");
            try (Stream<Path> files = Files.list(farSide.resolve("linger"))) {
                assertEquals(List.of(), files.toList(), "and withdraws the file that named it");
            }
        } finally {
            RunHarness.deleteTree(farSide);
        }
    }

    @Test
    void theNextBuildTakesOverTheStandbyJvmsAndTheUnchangedFilesTheLastSessionLeftOnTheLingeringServer() throws Exception {
        Path farSide = Files.createTempDirectory("distest-ssh-standby");
        try {
            // long enough for the standbys to start and the next build to come, on a loaded machine too
            harness.sshOptions = SSHD.options(SSHD.writeKnownHosts(temp.resolve("known_hosts")))
                    .withLinger(Duration.ofSeconds(10));
            String spec = "2*" + SSHD.sshSpec() + "//chdir=" + farSide;

            assertEquals(4, harness.run(List.of(spec), "PassingFixture", "Slow1Fixture").tests());
            List<Long> standbys = Poll.value(Duration.ofSeconds(10), () -> RunHarness.standbyPidsUnder(farSide), l -> l.size() == 2);
            assertEquals(2, standbys.size(), "a standby JVM per worker of the session: " + standbys);
            Path keptJar = syncedFileUnder(farSide, "junit-jupiter-api-");
            Object jarInode = Files.getAttribute(keptJar, "unix:ino");
            Path changedClass = syncedFileUnder(farSide, "PassingFixture.class");
            Files.write(changedClass, new byte[] {1, 2, 3}); // as a test that writes into the files it was given
            log.clear();

            RunSummary second = harness.run(List.of(spec), "PassingFixture", "Slow1Fixture");

            assertEquals(4, second.tests());
            assertEquals(0, second.failures() + second.errors(), "the changed class was laid out again: " + log.text());
            assertEquals(jarInode, Files.getAttribute(keptJar, "unix:ino"), "an unchanged file stays, not copied again");
            List<Long> workers = log.workerPids();
            // a worker whose hand-off comes after the other has run both classes never says hello: not counted
            assertFalse(workers.isEmpty(), log.text());
            assertTrue(standbys.containsAll(workers), "the workers were the standby JVMs: " + log.text());
            List<Long> next = Poll.value(Duration.ofSeconds(10), () -> RunHarness.standbyPidsUnder(farSide), l -> l.size() == 2);
            assertTrue(next.stream().noneMatch(standbys::contains), "fresh standbys for the next build: " + next);

            assertEquals(List.of(), Poll.value(Duration.ofSeconds(40), () -> RunHarness.standbyPidsUnder(farSide), List::isEmpty),
                    "the standbys end with the server, once it has lingered idle");
        } finally {
            RunHarness.deleteTree(farSide);
        }
    }

    /** The one file a far session laid out whose name starts with {@code prefix}. */
    private static Path syncedFileUnder(Path farSide, String prefix) throws IOException {
        try (Stream<Path> files = Files.walk(farSide.resolve("run"))) {
            List<Path> found = files.filter(f -> f.toString().contains("/sessions/"))
                    .filter(f -> f.getFileName().toString().startsWith(prefix) && Files.isRegularFile(f)).toList();
            assertEquals(1, found.size(), "files named " + prefix + "…: " + found);
            return found.get(0);
        }
    }

    /** Removes this machine's memory of the server lingering on {@code farSide}: the file naming its port and token. */
    private static void forgetRemembered(Path farSide) throws Exception {
        String state;
        try (Stream<Path> files = Files.list(farSide.resolve("linger"))) {
            state = Files.readString(files.findFirst().orElseThrow());
        }
        String portAndToken = String.join(" ", List.of(state.split(" ")).subList(0, 2)) + " ";
        try (Stream<Path> remembered = Files.list(UserCache.directory("ssh-servers"))) {
            for (Path file : remembered.toList()) {
                if (Files.readString(file).startsWith(portAndToken)) {
                    Files.delete(file);
                    return;
                }
            }
        }
        throw new AssertionError("the build did not remember the server it left: " + state);
    }

    @Test
    void namesTheHostAndTheJavaWhenTheFarSideHasNoSuchJava() throws Exception {
        Path farSide = Files.createTempDirectory("distest-ssh-no-java");
        try {
            harness.sshOptions = SSHD.options(SSHD.writeKnownHosts(temp.resolve("known_hosts")));
            DistestException e = assertThrows(DistestException.class, () -> harness.run(List.of("ssh=" + SSHD.user()
                    + "@127.0.0.1:" + SSHD.port() + "//java=/opt/no-such-jdk/bin/java//chdir=" + farSide), "Slow1Fixture"));
            assertTrue(e.getMessage().contains("127.0.0.1"), e.getMessage());
            assertTrue(e.getMessage().contains("java \"/opt/no-such-jdk/bin/java\" was not found there"), e.getMessage());
        } finally {
            RunHarness.deleteTree(farSide);
        }
    }

    @Test
    void refusesAnUnknownSshHostKeyWithItsFingerprint() throws Exception {
        harness.sshOptions = SSHD.options(temp.resolve("empty_known_hosts"));
        DistestException e = assertThrows(DistestException.class,
                () -> harness.run(List.of(SSHD.sshSpec()), "PassingFixture"));
        assertTrue(e.getMessage().contains("SHA256:"), e.getMessage());
        assertTrue(e.getMessage().contains("acceptNewHostKeys"), e.getMessage());
        assertFalse(Files.exists(temp.resolve("reports")), "nothing ran");
    }

    @Test
    void claimsTheSshConnectionStartedBeforeTheRunAndKeepsItForTheBuildsNextRun() throws Exception {
        Path farSide = Files.createTempDirectory("distest-ssh-early");
        try {
            harness.sshOptions = SSHD.options(SSHD.writeKnownHosts(temp.resolve("known_hosts")));
            String spec = "2*" + SSHD.sshSpec() + "//chdir=" + farSide;
            assertTrue(EarlySshStarts.begin(TxSpecs.parse(spec), harness.sshOptions));
            assertFalse(EarlySshStarts.begin(TxSpecs.parse(spec), harness.sshOptions), "one start per spec and options");
            // the shell that starts it shows first, then the JVM it execs
            List<String> early = Poll.value(Duration.ofSeconds(30), () -> serverProcessesUnder(farSide),
                    l -> l.size() == 1 && !l.get(0).contains("sh -c"));
            assertEquals(1, early.size(), "the far server starts before any run asks for it");

            RunSummary first = harness.run(List.of(spec), "PassingFixture", "Slow1Fixture");

            assertEquals(4, first.tests());
            assertTrue(log.text().contains("installed the worker jar"), "the early start's lines are shown: " + log.text());
            assertTrue(log.text().contains("connected to the far worker server beside the build's earlier phases"),
                    log.text());
            assertTrue(syncLine().endsWith(", on a session attached beside the build's earlier phases"), syncLine());
            assertEquals(early, Poll.value(Duration.ofSeconds(10), () -> serverProcessesUnder(farSide), l -> l.size() == 1),
                    "the server outlives the run, for the next module");

            RunSummary second = harness.run(List.of(spec), "Slow1Fixture");

            assertEquals(1, second.tests());
            assertTrue(log.text().contains("on the ssh connection and worker server of an earlier run of this build"),
                    log.text());
            assertEquals(2, log.lines().stream().filter(l -> l.contains("synced")
                    && l.endsWith(", on a session attached beside the build's earlier phases")).count(),
                    "the next module's session was attached ahead too: " + log.text());
            EarlySshStarts.closeAll();
            assertEquals(List.of(), Poll.value(Duration.ofSeconds(10), () -> serverProcessesUnder(farSide), List::isEmpty),
                    "the build's end closes the connection and its server");
        } finally {
            EarlySshStarts.closeAll();
            RunHarness.deleteTree(farSide);
        }
    }

    @Test
    void connectsOnItsOwnWhenTheEarlyStartHadOtherOptionsAndThatOneEndsWithTheSession() throws Exception {
        Path farSide = Files.createTempDirectory("distest-ssh-early-other");
        try {
            harness.sshOptions = SSHD.options(SSHD.writeKnownHosts(temp.resolve("known_hosts")));
            String spec = SSHD.sshSpec() + "//chdir=" + farSide;
            EarlySshStarts.begin(TxSpecs.parse(spec), harness.sshOptions.withAcceptNewHostKeys(true));
            Poll.value(Duration.ofSeconds(30), () -> serverProcessesUnder(farSide), l -> l.size() == 1);

            RunSummary summary = harness.run(List.of(spec), "PassingFixture");

            assertEquals(3, summary.tests());
            assertFalse(log.text().contains("beside the build's earlier phases"), log.text());
            assertEquals(1, Poll.value(Duration.ofSeconds(10), () -> serverProcessesUnder(farSide), l -> l.size() == 1)
                    .size(), "the run's own server ends, the unclaimed early one still runs");
            EarlySshStarts.closeAll();
            assertEquals(List.of(), Poll.value(Duration.ofSeconds(10), () -> serverProcessesUnder(farSide), List::isEmpty),
                    "the session's end closes what no run claimed");
        } finally {
            EarlySshStarts.closeAll();
            RunHarness.deleteTree(farSide);
        }
    }

    @Test
    void givesTheRunThatClaimsAnEarlyStartTheErrorItMet() throws Exception {
        harness.sshOptions = SSHD.options(temp.resolve("empty_known_hosts"));
        EarlySshStarts.begin(TxSpecs.parse(SSHD.sshSpec()), harness.sshOptions);
        try {
            DistestException e = assertThrows(DistestException.class,
                    () -> harness.run(List.of(SSHD.sshSpec()), "PassingFixture"));
            assertTrue(e.getMessage().contains("SHA256:"), e.getMessage());
        } finally {
            EarlySshStarts.closeAll();
        }
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
}
