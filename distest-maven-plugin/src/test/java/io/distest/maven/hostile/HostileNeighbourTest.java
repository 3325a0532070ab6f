package io.distest.maven.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distest.maven.run.RunHarness;
import io.distest.maven.run.RunSummary;
import io.distest.testing.Poll;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another local account ({@code nobody}, running {@code neighbour/Neighbour.java}) attacks a real run: it sees
 * what every account sees (loopback listeners and their owners in {@code /proc/net/tcp}, command lines) and does
 * what any account may (connect, bind a freed port). Needs root, to run the neighbour and the far side as other
 * accounts with {@code runuser}.
 */
class HostileNeighbourTest {
    /** The far side's account in the interception test: the neighbour watches only its listeners. */
    private static final String FAR_ACCOUNT = "daemon";

    @TempDir
    Path temp;

    private RunHarness harness;

    @BeforeEach
    void harness() {
        harness = new RunHarness(temp);
    }

    @Test
    void aNeighbourThatConnectsFirstToEveryNewLoopbackPortAndTakesItOverGetsNoByteOfAFarWorkersStream()
            throws Exception {
        Path farSide = Path.of("/tmp", "distest-" + FAR_ACCOUNT + "-" + System.nanoTime()); // the far account makes it
        try (Neighbour neighbour = Neighbour.start("ready", "intercept",
                String.valueOf(Neighbour.uidOf(FAR_ACCOUNT)))) {
            String spec = "2*exec=runuser -u " + FAR_ACCOUNT + " --//java=" + Neighbour.JAVA + "//chdir=" + farSide;

            RunSummary summary = harness.run(List.of(spec), "PassingFixture", "Slow1Fixture", "Slow2Fixture",
                    "Slow3Fixture");

            assertEquals(6, summary.tests(), harness.log.text());
            assertEquals(0, summary.failures() + summary.errors(), harness.log.text());
            assertTrue(neighbour.said("connected to"), "the neighbour reached the far server's own port (and got"
                    + " nothing there without the token):\n" + neighbour.text());
            System.out.println("interceptor: " + neighbour.captured() + " bytes captured; its log:\n" + neighbour.text());
            assertEquals(0, neighbour.captured(), "bytes of the run the neighbour saw:\n" + neighbour.text());
        } finally {
            if (Files.exists(farSide)) {
                RunHarness.deleteTree(farSide);
            }
        }
    }

    @Test
    void aFloodOfLargeAnnouncementsAgainstTheBuildsWorkerPortIsDroppedAndTheRunsResultsStayIntact()
            throws Exception {
        Path done = temp.resolve("neighbour-done");
        harness.systemProperties = Map.of("neighbour.done", done.toString());
        int connections = 20;
        try (Neighbour neighbour = Neighbour.start("ready", "flood", String.valueOf(ProcessHandle.current().pid()),
                String.valueOf(connections), String.valueOf(16 << 20))) {
            Thread attack = new Thread(() -> {
                try {
                    Poll.until(Duration.ofSeconds(60), () -> neighbour.count("closed ") >= connections,
                            () -> "the build to drop the neighbour's " + connections + " connections:\n"
                                    + neighbour.text());
                    System.out.println("flood: heap used with the neighbour's connections dropped: "
                            + heapUsedMiB() + " MiB");
                } catch (AssertionError | Exception e) {
                    System.out.println("flood: still held after 60 s; heap used: " + heapUsedMiB() + " MiB");
                } finally {
                    try {
                        Files.createFile(done);
                    } catch (Exception ignored) {
                        // the fixture then fails, and says so
                    }
                }
            });
            attack.start();

            RunSummary summary = harness.run(List.of("2*popen"), "WaitsForNeighbourFixture", "PassingFixture",
                    "Slow1Fixture");
            attack.join();

            assertEquals(5, summary.tests(), harness.log.text());
            assertEquals(0, summary.failures() + summary.errors(), harness.log.text());
            assertTrue(neighbour.said("flooded "), neighbour.text());
            assertEquals(connections, neighbour.count("closed "), "the build dropped each connection that announced"
                    + " 16 MiB, at once:\n" + neighbour.text());
        }
    }

    private static long heapUsedMiB() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    }
}
