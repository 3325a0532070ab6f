package io.distest.maven.gateway;

import io.distest.maven.run.RunHarness;
import io.distest.maven.run.RunSummary;
import io.distest.shared.Sha256;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distest.maven.gateway.ssh.SshdServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Over ssh, a worker jar found on the far side under its hash name is used only if it has that hash. */
class SshWorkerJarTest {
    @RegisterExtension
    static final SshdServer SSHD = new SshdServer();

    @TempDir
    Path temp;

    @Test
    void replacesAWorkerJarWhoseContentIsNotWhatItsNamePromises() throws Exception {
        Path farSide = Files.createTempDirectory("distest-ssh-swapped-jar");
        try {
            RunHarness harness = new RunHarness(temp);
            harness.sshOptions = SSHD.options(SSHD.writeKnownHosts(temp.resolve("known_hosts")));
            Path jar = farSide.resolve("jars/distest-worker-"
                    + Sha256.hexOf(RunHarness.workerJar()).substring(0, 16) + ".jar");
            Files.createDirectories(jar.getParent());
            Files.writeString(jar, "not the worker jar: whatever another user put here");

            RunSummary summary = harness.run(List.of(SSHD.sshSpec() + "//chdir=" + farSide),
                    "PassingFixture");

            assertEquals(0, summary.failures() + summary.errors());
            assertTrue(summary.tests() > 0, harness.log.text());
            assertTrue(harness.log.text().contains("is not the one its name promises"), harness.log.text());
            assertArrayEquals(Files.readAllBytes(RunHarness.workerJar()), Files.readAllBytes(jar));
        } finally {
            RunHarness.deleteTree(farSide);
        }
    }
}
