package io.distest.maven.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.distest.maven.gateway.ssh.SshdServer;
import io.distest.maven.run.RunHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Not a test (run it with {@code -Dtest=FirstTestLatencyBench}): the wall time of a run of one small class on
 * {@code 2*ssh} and {@code 2*exec} (connect, handshakes, sync, two worker JVMs, the first test, close), warm (the
 * far cache filled by a first run), median of {@value #RUNS}. Prints one line per gateway.
 */
class FirstTestLatencyBench {
    private static final int RUNS = 7;

    @RegisterExtension
    static final SshdServer SSHD = new SshdServer();

    @TempDir
    Path temp;

    @Test
    void measuresTwoSshAndTwoExecWorkers() throws Exception {
        Path farSide = Files.createTempDirectory("distest-latency");
        try {
            RunHarness harness = new RunHarness(temp);
            harness.sshOptions = SSHD.options(SSHD.writeKnownHosts(temp.resolve("known_hosts")));
            measure(harness, "2*" + SSHD.sshSpec() + "//chdir=" + farSide.resolve("ssh"));
            measure(harness, "2*exec=sh//chdir=" + farSide.resolve("exec"));
        } finally {
            RunHarness.deleteTree(farSide);
        }
    }

    private static void measure(RunHarness harness, String spec) throws Exception {
        assertEquals(3, harness.run(List.of(spec), "PassingFixture").tests()); // fills the far cache
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            assertEquals(3, harness.run(List.of(spec), "PassingFixture").tests());
            millis.add((System.nanoTime() - start) / 1_000_000);
        }
        List<Long> sorted = millis.stream().sorted().toList();
        System.out.println("LATENCY " + spec.replaceAll("//chdir=.*", "") + ": median " + sorted.get(RUNS / 2)
                + " ms of " + millis);
    }
}
