package io.distest.maven.gateway;


import io.distest.maven.gateway.ssh.SshdServer;
import io.distest.maven.run.DistestException;
import io.distest.maven.run.KilledBuildMain;
import io.distest.maven.run.RunHarness;
import io.distest.maven.run.RunSummary;
import io.distest.maven.settings.Requests;
import io.distest.maven.settings.WorkerPolicy;
import io.distest.shared.Sha256;
import io.distest.testing.Poll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code exec=COMMAND} with real commands: the OpenSSH client against a real sshd that has no SFTP, and
 * {@code runuser} into another local account. Everything travels through the command's standard input and output.
 */
class ExecGatewayTest {

    @RegisterExtension
    static final SshdServer SSHD = SshdServer.withoutSftp();

    /** A JDK every account can read, for the far side of {@code runuser -u nobody}. */
    private static final String WORLD_READABLE_JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path temp;

    private RunHarness harness;
    private RunHarness.RecordingLog log;

    @BeforeEach
    void harness() {
        harness = new RunHarness(temp);
        log = harness.log;
    }

    private String ssh() throws Exception {
        return SSHD.sshCommand(SSHD.writeKnownHosts(temp.resolve("known_hosts")));
    }

    @Test
    void runsTwoWorkersOverTheOpenSshClientAndSendsNothingTheSecondTime() throws Exception {
        Path farSide = Files.createTempDirectory("distest-exec-far-side");
        try {
            String spec = "2*exec=" + ssh() + "//chdir=" + farSide;

            RunSummary first = harness.run(List.of(spec), "PassingFixture", "Slow1Fixture", "Slow2Fixture");

            assertEquals(5, first.tests(), log.text());
            assertEquals(0, first.failures() + first.errors(), log.text());
            assertTrue(harness.report("PassingFixture").contains("printed by addsUp on gw"), harness.report("PassingFixture"));
            assertTrue(log.text().contains("installed the worker jar as " + farSide + "/jars/"), log.text());
            assertTrue(syncLine().matches(".*sent [1-9]\\d* files.*"), syncLine());
            assertEquals(1, syncLines().size(), "one pipe, one sync for both workers:\n" + log.text());
            try (Stream<Path> jars = Files.list(farSide.resolve("jars"))) {
                assertEquals(1, jars.count(), "the worker jar is cached by hash on the far side");
            }

            log.clear();
            RunSummary second = harness.run(List.of(spec), "PassingFixture");
            assertEquals(3, second.tests(), log.text());
            assertTrue(syncLine().contains("sent 0 files (0 B)"), "an unchanged project sends nothing: " + syncLine());
            assertTrue(!log.text().contains("installed the worker jar"), "the cached jar is used: " + log.text());
            awaitNoServerUnder(farSide);
        } finally {
            RunHarness.deleteTree(farSide);
        }
    }

    @Test
    void fallsBackToTheExecPathWhenTheSshdHasNoSftpAndSaysSo() throws Exception {
        Path farSide = Files.createTempDirectory("distest-ssh-no-sftp");
        try {
            harness.sshOptions = SSHD.options(SSHD.writeKnownHosts(temp.resolve("known_hosts")));
            String spec = SSHD.sshSpec() + "//chdir=" + farSide;

            RunSummary summary = harness.run(List.of(spec), "PassingFixture", "Slow1Fixture");

            assertEquals(4, summary.tests(), log.text());
            assertEquals(0, summary.failures() + summary.errors(), log.text());
            assertTrue(log.text().contains("has no SFTP subsystem: using the exec path"), log.text());
            assertTrue(syncLine().matches(".*sent [1-9]\\d* files.*"), syncLine());
            awaitNoServerUnder(farSide);
        } finally {
            RunHarness.deleteTree(farSide);
        }
    }

    @Test
    void runsAsAnotherLocalAccountThroughRunuser() throws Exception {
        Path farSide = Path.of("/tmp", "distest-nobody-" + System.nanoTime()); // nobody creates it, private to nobody
        try {
            String spec = "exec=runuser -u nobody --//java=" + WORLD_READABLE_JAVA + "//chdir=" + farSide;

            RunSummary first = harness.run(List.of(spec), "PassingFixture", "FailingFixture");

            assertEquals(5, first.tests(), log.text());
            assertEquals(1, first.failures(), log.text());
            assertEquals(1, first.errors(), log.text());
            assertTrue(harness.report("FailingFixture").contains("arithmetic"), harness.report("FailingFixture"));
            assertEquals(65534, Files.getAttribute(farSide, "unix:uid"), "the far side's files belong to nobody");
            log.clear();
            harness.run(List.of(spec), "PassingFixture");
            assertTrue(syncLine().contains("sent 0 files (0 B)"), "an unchanged project sends nothing: " + syncLine());
        } finally {
            if (Files.exists(farSide)) {
                RunHarness.deleteTree(farSide);
            }
        }
    }

    @Test
    void runsWhatIsLeftOnANewCommandWhenTheCommandEndsMidRun() throws Exception {
        Path farSide = Files.createTempDirectory("distest-exec-dies");
        try {
            harness.workers = Requests.workers(1, Duration.ofSeconds(60));
            String spec = "exec=" + ssh() + "//chdir=" + farSide + "//id=remote";

            // the first class takes the far side's server down, and with it the ssh command
            RunSummary summary = harness.run(List.of(spec), "KillsItsServerFixture", "Slow1Fixture", "Slow2Fixture");

            assertEquals(null, summary.notRunReason(), log.text());
            assertEquals(3, summary.tests(), "every test has a result:\n" + log.text());
            assertEquals(1, summary.errors(), log.text());
            assertTrue(harness.report("KillsItsServerFixture").contains("worker remote"),
                    harness.report("KillsItsServerFixture"));
            assertTrue(log.text().contains("has ended; starting it again for worker remote"), log.text());
            assertTrue(log.text().contains("the connection to `ssh -T") && log.text().contains(" ended (exit code "),
                    "the cause names the command and how it ended:\n" + log.text());
        } finally {
            RunHarness.deleteTree(farSide);
        }
    }

    @Test
    void givesEachWorkerItsOwnCommandWhenTheCommandNamesTheIndex() throws Exception {
        Path farSide = Files.createTempDirectory("distest-exec-per-worker");
        try {
            RunSummary summary = harness.run(List.of("2*exec=env DISTEST_PIPE={i} sh//chdir=" + farSide),
                    "Slow1Fixture", "Slow2Fixture");

            assertEquals(2, summary.tests(), log.text());
            assertEquals(0, summary.failures() + summary.errors(), log.text());
            assertEquals(2, syncLines().size(), "two commands, each with its own session and sync:\n" + log.text());
        } finally {
            RunHarness.deleteTree(farSide);
        }
    }

    /** dash reads its input ahead, bash a byte at a time: the bootstrap must work with both. */
    @Test
    void bootstrapsThroughBashAsWellAsDash() throws Exception {
        Path farSide = Files.createTempDirectory("distest-exec-bash");
        try {
            RunSummary summary = harness.run(List.of("exec=bash//chdir=" + farSide), "PassingFixture");

            assertEquals(3, summary.tests(), log.text());
            assertEquals(0, summary.failures() + summary.errors(), log.text());
            assertTrue(log.text().contains("installed the worker jar"), log.text());
        } finally {
            RunHarness.deleteTree(farSide);
        }
    }

    @Test
    void replacesAFarSideWorkerJarWhoseContentIsNotWhatItsNamePromises() throws Exception {
        Path farSide = Files.createTempDirectory("distest-exec-swapped-jar");
        try {
            harness.run(List.of("exec=sh//chdir=" + farSide), "Slow1Fixture");
            Path jar;
            try (Stream<Path> jars = Files.list(farSide.resolve("jars"))) {
                jar = jars.findFirst().orElseThrow();
            }
            Files.writeString(jar, "not the worker jar");
            log.clear();

            RunSummary summary = harness.run(List.of("exec=sh//chdir=" + farSide), "Slow1Fixture");

            assertEquals(0, summary.failures() + summary.errors(), log.text());
            assertTrue(log.text().contains("installed the worker jar"), "sent again:\n" + log.text());
            assertEquals(Sha256.hexOf(RunHarness.workerJar()), Sha256.hexOf(jar));
        } finally {
            RunHarness.deleteTree(farSide);
        }
    }

    @Test
    void toleratesAFarShellThatGreetsOnStandardOutputBeforeTheServerStarts() throws Exception {
        Path farSide = Files.createTempDirectory("distest-exec-greeting");
        try {
            RunSummary summary = harness.run(List.of("exec=sh -c 'echo Welcome to build7; echo motd >&2; exec sh'"
                    + "//chdir=" + farSide), "PassingFixture");

            assertEquals(3, summary.tests(), log.text());
            assertEquals(0, summary.failures() + summary.errors(), log.text());
        } finally {
            RunHarness.deleteTree(farSide);
        }
    }

    @Test
    void failsNamingTheSpecWhenTheCommandIsNotFound() {
        DistestException e = assertThrows(DistestException.class,
                () -> harness.run(List.of("exec=distest-no-such-command -x"), "PassingFixture"));
        assertTrue(e.getMessage().contains("tx spec \"exec=distest-no-such-command -x\""), e.getMessage());
        assertTrue(e.getMessage().contains("cannot start the command `distest-no-such-command -x sh`: not found"),
                e.getMessage());
    }

    @Test
    void failsQuotingTheStandardErrorOfACommandThatExitsAtOnce() {
        String spec = "exec=sh -c 'echo the far side says no >&2; exit 3'";
        DistestException e = assertThrows(DistestException.class, () -> harness.run(List.of(spec), "PassingFixture"));
        assertTrue(e.getMessage().contains("tx spec \"" + spec + "\""), e.getMessage());
        assertTrue(e.getMessage().contains("ended before the distest worker server started (exit code 3)"), e.getMessage());
        assertTrue(e.getMessage().contains("Its standard error:\nthe far side says no"), e.getMessage());
    }

    @Test
    void failsQuotingTheShellWhenTheFarSideCacheCannotBeCreated() {
        String spec = "exec=sh//chdir=/proc/distest-cannot-be-created";
        DistestException e = assertThrows(DistestException.class, () -> harness.run(List.of(spec), "PassingFixture"));
        assertTrue(e.getMessage().contains("tx spec \"" + spec + "\""), e.getMessage());
        assertTrue(e.getMessage().contains("ended before the worker jar was stored"), e.getMessage());
        assertTrue(e.getMessage().contains("/proc/distest-cannot-be-created"), "mkdir's complaint is quoted:\n" + e.getMessage());
    }

    @Test
    void namesTheJavaWhenTheFarSideHasNoSuchJava() throws Exception {
        Path farSide = Files.createTempDirectory("distest-exec-no-java");
        try {
            DistestException e = assertThrows(DistestException.class, () -> harness.run(
                    List.of("exec=" + ssh() + "//java=/opt/no-such-jdk/bin/java//chdir=" + farSide), "PassingFixture"));
            assertTrue(e.getMessage().contains("is java \"/opt/no-such-jdk/bin/java\" there?"), e.getMessage());
            assertTrue(e.getMessage().contains("/opt/no-such-jdk/bin/java"), e.getMessage());
        } finally {
            RunHarness.deleteTree(farSide);
        }
    }

    /** Stands in for Maven: a JVM running distest over {@code exec=} is killed with SIGKILL mid-run. */
    @Test
    void leavesNothingRunningOnTheFarSideWhenTheBuildIsKilled() throws Exception {
        Path farSide = temp.resolve("far");
        String marker = farSide.toString(); // the far side's worker JVMs read their argument files from under it
        Process build = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), KilledBuildMain.class.getName(), temp.toString(),
                "2*exec=sh//chdir=" + farSide)
                .redirectErrorStream(true).redirectOutput(temp.resolve("build.log").toFile()).start();
        Poll.within(Duration.ofSeconds(90), () -> RunHarness.workerProcesses(marker).size() >= 2);
        assertEquals(2, RunHarness.workerProcesses(marker).size(), Files.readString(temp.resolve("build.log")));

        build.destroyForcibly().waitFor();

        Poll.within(Duration.ofSeconds(20),
                () -> RunHarness.workerProcesses(marker).isEmpty() && serversUnder(farSide).isEmpty());
        assertEquals(List.of(), RunHarness.workerProcesses(marker), "no worker outlives the build");
        assertEquals(List.of(), serversUnder(farSide), "no far-side server outlives the build");
    }

    private static List<String> serversUnder(Path root) {
        return ProcessHandle.allProcesses().map(p -> p.info().commandLine().orElse(""))
                .filter(c -> c.contains("serve --stdio") && c.contains(root.toString())).toList();
    }

    private List<String> syncLines() {
        return log.lines().stream().filter(l -> l.contains("synced")).toList();
    }

    private String syncLine() {
        return syncLines().stream().findFirst().orElse("(no sync line)\n" + log.text());
    }

    /** The far side's server ends with its command: polled, as the far side learns of the end a moment later. */
    private static void awaitNoServerUnder(Path root) throws InterruptedException {
        Poll.within(Duration.ofSeconds(20), () -> serversUnder(root).isEmpty());
        assertEquals(List.of(), serversUnder(root), "the far side's server ends with its command");
    }
}
