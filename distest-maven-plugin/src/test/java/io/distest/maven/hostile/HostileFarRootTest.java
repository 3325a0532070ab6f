package io.distest.maven.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distest.maven.gateway.ssh.SshdServer;
import io.distest.maven.run.DistestException;
import io.distest.maven.run.RunHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A far side's distest root under a shared directory ({@code //chdir=/tmp/distest}, as in the README's docker
 * example) that another account made, or that others may write to: whoever can write there can swap the worker
 * jar between its hash and its start, or plant a lingering server's state file. The start-up scripts refuse such a
 * root before they run anything from it, naming the path and its owner.
 */
class HostileFarRootTest {
    @RegisterExtension
    static final SshdServer SSHD = new SshdServer();

    @TempDir
    Path temp;

    private RunHarness harness;

    @BeforeEach
    void harness() {
        harness = new RunHarness(temp);
    }

    @Test
    void anExecBuildRefusesARootAnotherAccountMadeAndRunsNothingFromIt() throws Exception {
        Path shared = Path.of("/tmp", "distest-shared-" + System.nanoTime());
        try {
            Process mkdir = new ProcessBuilder("runuser", "-u", Neighbour.ACCOUNT, "--", "mkdir", "-m", "0755",
                    shared.toString()).inheritIO().start();
            assertEquals(0, mkdir.waitFor(), "the neighbour makes the shared root");

            DistestException e = assertThrows(DistestException.class,
                    () -> harness.run(List.of("exec=sh//chdir=" + shared), "PassingFixture"));

            assertTrue(e.getMessage().contains(shared + " is owned by uid " + Neighbour.uidOf(Neighbour.ACCOUNT)),
                    e.getMessage());
            assertTrue(e.getMessage().contains("//chdir="), "says what to do: " + e.getMessage());
            assertFalse(Files.exists(shared.resolve("jars")), "nothing was stored there");
            assertFalse(serverRunsUnder(shared), "nothing runs from there");
        } finally {
            RunHarness.deleteTree(shared);
        }
    }

    @Test
    void anSshBuildRefusesARootOthersCanWriteToAndRunsNothingFromIt() throws Exception {
        Path shared = Files.createTempDirectory("distest-writable");
        try {
            Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
            harness.sshOptions = SSHD.options(SSHD.writeKnownHosts(temp.resolve("known_hosts")));

            DistestException e = assertThrows(DistestException.class,
                    () -> harness.run(List.of(SSHD.sshSpec() + "//chdir=" + shared), "PassingFixture"));

            assertTrue(e.getMessage().contains(shared + " has mode drwxrwxrwx"), e.getMessage());
            assertTrue(e.getMessage().contains("other accounts can write to it"), e.getMessage());
            assertFalse(serverRunsUnder(shared), "nothing runs from there");
        } finally {
            RunHarness.deleteTree(shared);
        }
    }

    private static boolean serverRunsUnder(Path root) {
        return ProcessHandle.allProcesses().anyMatch(p -> p.info().commandLine().orElse("").contains(" serve ")
                && p.info().commandLine().orElse("").contains(root.toString()));
    }
}
