package io.distest.maven.run;

import io.distest.maven.settings.RunPolicy;
import io.distest.maven.settings.WorkerPolicy;
import io.distest.testing.Poll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failure injection with real worker JVMs: every selected test ends with a reported result. */
class FaultsTest {
    @TempDir
    Path temp;

    private RunHarness harness;

    @BeforeEach
    void harness() {
        harness = new RunHarness(temp);
    }

    private void policy(int restarts, Duration testTimeout, boolean fallback, int reruns, int skipAfter) {
        harness.workers = new WorkerPolicy(restarts, Duration.ofSeconds(60), fallback);
        harness.policy = new RunPolicy(true, testTimeout, Duration.ZERO, reruns, skipAfter);
    }

    @Test
    void reportsTheDyingTestAndRunsTheRestOfItsClassElsewhere() throws Exception {
        RunSummary summary = harness.run(List.of("2*popen"), "ExitingFixture", "Slow1Fixture", "Slow2Fixture");

        assertEquals(5, summary.tests(), harness.log.text());
        assertEquals(1, summary.errors());
        String report = harness.report("ExitingFixture");
        assertTrue(report.contains("tests=\"3\""), "all three tests of the class have a result:\n" + report);
        assertTrue(report.contains("exit code 3"), report);
        assertTrue(report.contains("testcase name=\"runsAfterTheCrashOnAnotherWorker\""), report);
    }

    @Test
    void namesHaltSigkillAndOutOfMemoryAsTheCause() throws Exception {
        RunSummary summary = harness.run(List.of("2*popen//jvmArgs=-Xmx64m"), "HaltingFixture", "KilledFixture",
                "OutOfMemoryFixture", "Slow1Fixture");

        assertEquals(3, summary.errors(), harness.log.text());
        assertEquals(4, summary.tests());
        assertTrue(harness.report("HaltingFixture").contains("exit code 7"), harness.report("HaltingFixture"));
        assertTrue(harness.report("KilledFixture").contains("killed by signal 9 (SIGKILL)"), harness.report("KilledFixture"));
        String oom = harness.report("OutOfMemoryFixture");
        assertTrue(oom.contains("OutOfMemoryError"), "the JVM's own last words name the cause:\n" + oom);
    }

    @Test
    void aTestThatExpectsToRunOutOfMemoryPassesAsInSurefiresForkAndItsWorkerGoesOn() throws Exception {
        RunSummary summary = harness.run(List.of("popen//jvmArgs=-Xmx64m"), "ExpectsOutOfMemoryFixture");

        assertEquals(3, summary.tests(), harness.log.text());
        assertEquals(0, summary.errors() + summary.failures(), harness.report("ExpectsOutOfMemoryFixture"));
        assertFalse(harness.log.text().contains("restart"), "no worker crashed: " + harness.log.text());
    }

    @Test
    void givesUpAfterMaxWorkerRestartAndReportsWhatDidNotRun() throws Exception {
        policy(0, Duration.ZERO, false, 0, 0);
        RunSummary summary = harness.run(List.of("popen"), "HaltingFixture", "Slow1Fixture", "Slow2Fixture");

        assertTrue(summary.notRunReason().contains("no worker is left"), summary.notRunReason());
        assertTrue(summary.notRunReason().contains("distest.maxWorkerRestart"), summary.notRunReason());
        assertTrue(harness.report("Slow1Fixture").contains("not run: no worker is left"), harness.report("Slow1Fixture"));
        assertTrue(harness.report("Slow2Fixture").contains("not run: no worker is left"), harness.report("Slow2Fixture"));
    }

    @Test
    void reportsAHungTestWithAThreadDumpAndRunsTheRestOfItsClass() throws Exception {
        policy(4, Duration.ofSeconds(2), false, 0, 0);
        RunSummary summary = harness.run(List.of("2*popen"), "HangingFixture", "Slow1Fixture");

        assertEquals(3, summary.tests(), harness.log.text());
        assertEquals(1, summary.errors());
        String report = harness.report("HangingFixture");
        assertTrue(report.contains("test timed out after 2.0 s"), report);
        assertTrue(report.contains("io.distest.maven.run.fixtures.HangingFixture.hangs(HangingFixture.java"), "with the thread dump:\n" + report);
        assertTrue(report.contains("testcase name=\"runsAfterTheHangOnAnotherWorker\""), report);
    }

    @Test
    void reRunsAFailingTestAndReportsAFlakeAsSurefireDoes() throws Exception {
        policy(4, Duration.ZERO, false, 2, 0);
        harness.systemProperties = Map.of("flaky.marker", temp.resolve("flaky.marker").toString());
        RunSummary summary = harness.run(List.of("2*popen"), "FlakyFixture", "Slow1Fixture");

        assertEquals(1, summary.flakes(), harness.log.text());
        assertEquals(0, summary.failures());
        assertTrue(summary.passed());
        String report = harness.report("FlakyFixture");
        assertTrue(report.contains("<flakyFailure"), report);
        assertTrue(harness.log.text().contains("Flakes: 1"), harness.log.text());
    }

    @Test
    void skipsTheClassesNotStartedOnceTheFailureLimitIsReached() throws Exception {
        policy(4, Duration.ZERO, false, 0, 1);
        RunSummary summary = harness.run(List.of("popen"), "FailingFixture", "Slow1Fixture", "Slow2Fixture",
                "Slow3Fixture", "Slow4Fixture");

        assertTrue(summary.failures() + summary.errors() >= 1);
        assertTrue(summary.skipped() >= 2, "the classes not yet handed out are skipped: " + summary);
        assertTrue(harness.report("Slow4Fixture").contains("skipped after"), harness.report("Slow4Fixture"));
    }

    @Test
    void movesAVanishedHostsWorkToTheRemainingWorkers() throws Exception {
        Path serverRoot = Files.createTempDirectory("distest-far-side");
        try (WorkerServerProcess server = new WorkerServerProcess(RunHarness.workerJar(), serverRoot, "t")) {
            harness.serverToken = "t";
            policy(1, Duration.ZERO, false, 0, 0);
            // the local worker is ready while the remote one still syncs: its classes wait until the remote runs one
            harness.systemProperties = java.util.Map.of("distest.rendezvous", temp.resolve("remote-runs").toString());
            List<String> fixtures = List.of("KillsItsServerFixture", "KillsItsServer2Fixture", "KillsItsServer3Fixture");
            RunSummary summary = harness.run(List.of("socket=127.0.0.1:" + server.port + "//id=remote", "popen"),
                    fixtures.toArray(String[]::new));

            assertEquals(null, summary.notRunReason(), harness.log.text());
            assertEquals(3, summary.tests());
            assertEquals(1, summary.errors(), "only the test on the vanished host errs:\n" + harness.log.text());
            String reports = String.join("\n", fixtures.stream().map(this::report).toList());
            assertTrue(reports.contains("worker remote"), reports);
        } finally {
            RunHarness.deleteTree(serverRoot);
        }
    }

    @Test
    void failsClearlyAndQuicklyWhenAHostCannotBeReachedAtStart() {
        harness.serverToken = "t";
        DistestException e = assertThrows(DistestException.class,
                () -> harness.run(List.of("socket=127.0.0.1:9"), "Slow1Fixture"));
        assertTrue(e.getMessage().contains("cannot reach the worker server at socket=127.0.0.1:9"), e.getMessage());
    }

    @Test
    void fallsBackToLocalWorkersWhenAskedTo() throws Exception {
        harness.serverToken = "t";
        policy(2, Duration.ZERO, true, 0, 0);
        RunSummary summary = harness.run(List.of("2*socket=127.0.0.1:9"), "Slow1Fixture", "Slow2Fixture");
        assertEquals(2, summary.tests());
        assertTrue(summary.passed());
        assertTrue(harness.log.text().contains("fallbackToLocal runs its share on local workers"), harness.log.text());
    }

    /** Stands in for Maven: a JVM running distest is killed with SIGKILL mid-run; no worker may outlive it. */
    @Test
    void leavesNoWorkerBehindWhenTheBuildIsKilled() throws Exception {
        String marker = temp.toString();
        Process build = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"),
                KilledBuildMain.class.getName(), temp.toString())
                .redirectErrorStream(true).redirectOutput(temp.resolve("build.log").toFile()).start();
        assertEquals(2, Poll.value(Duration.ofSeconds(60), () -> RunHarness.workerProcesses(marker),
                workers -> workers.size() >= 2).size(), Files.readString(temp.resolve("build.log")));
        build.destroyForcibly().waitFor();
        assertEquals(List.of(), Poll.value(Duration.ofSeconds(10), () -> RunHarness.workerProcesses(marker),
                List::isEmpty));
    }

    private String report(String fixture) {
        try {
            return harness.report(fixture);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Test
    void workersLeaveAfterANormalRun() throws Exception {
        harness.run(List.of("2*popen"), "Slow1Fixture", "Slow2Fixture");
        assertFalse(RunHarness.workerProcesses(temp.toString()).stream().findAny().isPresent());
    }
}
