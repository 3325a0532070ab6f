package io.distest.maven.gateway;


import io.distest.maven.run.RunHarness;
import io.distest.maven.run.RunSummary;
import io.distest.maven.run.WorkerServerProcess;
import io.distest.maven.settings.Dist;
import io.distest.maven.settings.JvmSettings;
import io.distest.maven.settings.Requests;
import io.distest.maven.settings.TestFilters;
import io.distest.maven.tx.TxSpecs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Surefire settings that reach the worker JVMs: fork numbers, environment exclusions, engine filters. */
class WorkerSettingsTest {
    @TempDir
    Path temp;

    private RunHarness harness;

    @BeforeEach
    void harness() {
        harness = new RunHarness(temp);
    }

    @Test
    void replacesForkNumbersInArgLineSystemPropertiesEnvironmentAndWorkingDirectory() throws Exception {
        harness.jvm = new JvmSettings(List.of("-Dport=80${surefire.forkNumber}"),
                Map.of("schema", "schema_${surefire.forkNumber}"), Map.of("FORK_DIR", "thread${surefire.threadNumber}"),
                temp.resolve("fork_${surefire.forkNumber}"), Set.of("HOME"), false);
        RunSummary summary = harness.run(List.of("popen"), "ForkNumberFixture");
        assertEquals(2, summary.tests(), harness.log.text());
        assertTrue(summary.passed(), harness.report("ForkNumberFixture"));
        // the report holds the properties as the worker got them, as Surefire's does
        assertTrue(harness.report("ForkNumberFixture").contains("name=\"schema\" value=\"schema_1\""),
                harness.report("ForkNumberFixture"));
        assertTrue(Files.isDirectory(temp.resolve("fork_1")), "the working directory is created, as Surefire does");
    }

    @Test
    void aRemoteWorkerGetsItsForkNumberAndLosesExcludedVariablesOfItsServer() throws Exception {
        Path serverRoot = Files.createTempDirectory("distest-far-side");
        Path module = Files.createDirectories(temp.resolve("module"));
        try (WorkerServerProcess server = new WorkerServerProcess(RunHarness.workerJar(), serverRoot, "s3cret")) {
            harness.serverToken = "s3cret";
            harness.moduleBasedir = module;
            harness.jvm = new JvmSettings(List.of("-Dport=80${surefire.forkNumber}"),
                    Map.of("schema", "schema_${surefire.forkNumber}"), Map.of("FORK_DIR", "thread${surefire.forkNumber}"),
                    module.resolve("target/fork_${surefire.forkNumber}"), Set.of("HOME"), false);
            harness.dist = Dist.EACH; // both workers run the fixture
            // the local worker is number 1, the socket server's is number 2: numbers span the pool
            RunSummary summary = harness.run(List.of("popen//id=local", "socket=127.0.0.1:" + server.port),
                    "ForkNumberFixture");
            assertEquals(4, summary.tests(), harness.log.text());
            assertTrue(summary.passed(), harness.log.text()); // each fixture asserts its own number and environment
        } finally {
            RunHarness.deleteTree(serverRoot);
        }
    }

    @Test
    void numbersWorkersOneToNAcrossThePoolAndAReplacementKeepsTheDeadOnesNumber() {
        List<WorkerLaunch> launches = List.of(
                new WorkerLaunch("gw0", 0, TxSpecs.parse("2*popen"), "127.0.0.1:1", temp.resolve("gw0.log")),
                new WorkerLaunch("gw1", 1, TxSpecs.parse("2*popen"), "127.0.0.1:1", temp.resolve("gw1.log")),
                new WorkerLaunch("gw2", 2, TxSpecs.parse("ssh=ci@build7"), "127.0.0.1:1", temp.resolve("gw2.log")),
                new WorkerLaunch("gw1", 1, TxSpecs.parse("2*popen"), "127.0.0.1:1", temp.resolve("gw1-1.log")));
        assertEquals(List.of(1, 2, 3, 2), launches.stream().map(WorkerLaunch::forkNumber).toList());
        JvmSettings jvm = Requests.jvm(List.of(), Map.of(), Map.of("DB", "db${surefire.forkNumber}", "X", "x"),
                Path.of("/work/fork_${surefire.threadNumber}/run"));
        assertEquals(Path.of("/work/fork_3/run"), launches.get(2).workingDirectory(jvm));
        assertEquals(Map.of("DB", "db2", "X", "x"), launches.get(3).environment(jvm));
    }

    @Test
    void engineFiltersReachTheWorkersLauncher() throws Exception {
        harness.filters = Requests.filters(List.of(), List.of(), Map.of(), List.of("junit-jupiter"), List.of());
        assertEquals(3, harness.run(List.of("popen"), "PassingFixture").tests(), harness.log.text());
        RunHarness excluding = new RunHarness(temp.resolve("excluding"));
        excluding.filters = Requests.filters(List.of(), List.of(), Map.of(), List.of(), List.of("junit-jupiter"));
        assertEquals(0, excluding.run(List.of("popen"), "PassingFixture").tests(), excluding.log.text());
    }
}
