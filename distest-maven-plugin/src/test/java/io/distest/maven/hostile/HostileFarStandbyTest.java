package io.distest.maven.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distest.maven.gateway.ssh.SshdServer;
import io.distest.maven.run.RunHarness;
import io.distest.testing.Poll;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lingering worker server keeps, between builds, a standby JVM per worker and the session directory they run in;
 * a standby takes the next run's token and address from its standard input. Another account on the far host
 * ({@code nobody}, through {@code runuser}) tries to hand a standby a run of its own, read its environment and the
 * kept directory; the far root lies in a directory every account can pass through, so only distest's own modes
 * and the kernel's process boundaries stand in its way. The next build still takes over both standbys.
 */
class HostileFarStandbyTest {
    @RegisterExtension
    static final SshdServer SSHD = new SshdServer();

    @TempDir
    Path temp;

    @Test
    void aNeighbourCanNeitherHandAStandbyARunNorReadItNorItsKeptDirectory() throws Exception {
        Path farSide = AsNeighbour.placeOthersCanPassThrough("distest-far-standby");
        try {
            RunHarness harness = new RunHarness(temp);
            harness.sshOptions = SSHD.options(SSHD.writeKnownHosts(temp.resolve("known_hosts")))
                    .withLinger(Duration.ofSeconds(10));
            String spec = "2*" + SSHD.sshSpec() + "//chdir=" + farSide;
            assertEquals(4, harness.run(List.of(spec), "PassingFixture", "Slow1Fixture").tests());
            List<Long> standbys = Poll.value(Duration.ofSeconds(10), () -> RunHarness.standbyPidsUnder(farSide),
                    l -> l.size() == 2);
            assertEquals(2, standbys.size(), standbys.toString());

            for (long pid : standbys) {
                String commandLine = ProcessHandle.of(pid).orElseThrow().info().commandLine().orElseThrow();
                Path argFile = Path.of(commandLine.replaceAll(".* @(\\S+\\.args) .*", "$1"));
                Path kept = argFile.getParent().getParent();
                assertTrue(Files.isRegularFile(argFile) && kept.startsWith(farSide), commandLine);
                assertNotEquals(0, AsNeighbour.run("sh", "-c", "echo attacker-token unix:/tmp/theirs.sock > /proc/" + pid + "/fd/0").exit(),
                        "hands the standby a run of its own");
                assertNotEquals(0, AsNeighbour.run("cat", "/proc/" + pid + "/environ").exit(), "reads its environment");
                assertNotEquals(0, AsNeighbour.run("ls", "/proc/" + pid + "/cwd/").exit(), "looks into its working directory");
                assertNotEquals(0, AsNeighbour.run("ls", kept.toString()).exit(), "lists the kept session directory");
                assertNotEquals(0, AsNeighbour.run("cat", argFile.toString()).exit(), "reads its command line's argument file");
            }
            RunHarness.RecordingLog log = harness.log;
            log.clear();

            assertEquals(4, harness.run(List.of(spec), "PassingFixture", "Slow1Fixture").tests());
            List<Long> workers = log.workerPids();
            // a worker whose hand-off comes after the other has run both classes never says hello: not counted
            assertFalse(workers.isEmpty(), log.text());
            assertTrue(standbys.containsAll(workers), "the build's own standbys ran its tests: " + log.text());
        } finally {
            RunHarness.deleteTree(farSide);
        }
    }
}
