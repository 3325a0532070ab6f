package io.distest.maven.run;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distest.maven.gateway.ssh.SshdServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sync benchmark over {@code exec=ssh} (the OpenSSH client, everything through its stdin/stdout) next to the
 * sshj gateway ({@code ssh=}: SFTP and tunnels), on the same loopback sshd and the same project: this module's
 * test class path plus 52 MB of incompressible class path files. Each gateway: a first run into an empty far-side
 * cache, an unchanged second run, a run after one class changed. Prints numbers; not part of the test suite (the
 * name does not match Surefire's includes): run it with {@code bench/exec-sync.sh}.
 */
class ExecSyncBench {

    @RegisterExtension
    static final SshdServer SSHD = new SshdServer();

    @TempDir
    Path temp;

    @Test
    void printsFilesBytesAndSecondsOfEachSync() throws Exception {
        Path module = temp.resolve("module");
        Path classes = module.resolve("extra-classes");
        Files.createDirectories(classes.resolve("blobs"));
        Random random = new Random(1);
        for (int i = 1; i <= 13; i++) {
            byte[] blob = new byte[4_000_000];
            random.nextBytes(blob);
            Files.write(classes.resolve("blobs/blob-" + i + ".bin"), blob);
        }
        Path changing = classes.resolve("bench/Changing.class");
        Files.createDirectories(changing.getParent());
        Files.write(changing, new byte[] {1});
        Path knownHosts = SSHD.writeKnownHosts(temp.resolve("known_hosts"));

        System.out.println("BENCH machine: " + Runtime.getRuntime().availableProcessors() + " cores; Java "
                + System.getProperty("java.version") + "; loopback sshd; class path: this module's test class path"
                + " + 52 MB of blobs");
        for (String kind : List.of("ssh=", "exec=ssh")) {
            Path farSide = Files.createTempDirectory("distest-bench-far-side");
            try {
                String spec = kind.equals("ssh=")
                        ? "2*" + SSHD.sshSpec() + "//chdir=" + farSide
                        : "2*exec=" + SSHD.sshCommand(knownHosts) + "//chdir=" + farSide;
                RunHarness harness = new RunHarness(temp.resolve(kind.replace("=", "")));
                harness.sshOptions = SSHD.options(knownHosts);
                harness.moduleBasedir = module;
                harness.extraClasspath = classes;
                String unchanged = null;
                for (String label : List.of("first run", "unchanged", "one class changed")) {
                    if (label.equals("one class changed")) {
                        Files.write(changing, Long.toString(System.nanoTime()).getBytes());
                    }
                    harness.log.clear();
                    long start = System.nanoTime();
                    harness.run(List.of(spec), "PassingFixture", "Slow1Fixture", "Slow2Fixture");
                    double seconds = (System.nanoTime() - start) / 1e9;
                    String sync = harness.log.lines().stream().filter(l -> l.contains("synced")).findFirst()
                            .map(l -> l.substring(l.indexOf("synced"))).orElse("(no sync line)");
                    System.out.printf("BENCH %-9s %-18s %-62s run %5.1f s%n", kind, label, sync, seconds);
                    if (label.equals("unchanged")) {
                        unchanged = sync;
                    }
                }
                assertTrue(unchanged.contains("sent 0 files"), "an unchanged run sends nothing: " + unchanged);
            } finally {
                RunHarness.deleteTree(farSide);
            }
        }
    }
}
