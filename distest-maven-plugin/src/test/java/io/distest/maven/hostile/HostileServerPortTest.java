package io.distest.maven.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distest.maven.gateway.ssh.EarlySshStarts;
import io.distest.maven.gateway.ssh.SshdServer;
import io.distest.maven.run.DistestException;
import io.distest.maven.run.RunHarness;
import io.distest.maven.run.RunSummary;
import io.distest.maven.tx.TxSpecs;
import io.distest.testing.Poll;
import java.net.ServerSocket;
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
 * Another local account ({@code nobody}) holds the port a build expects its worker server on: a server's port it
 * took before the server started, or the port of a lingering server that ended after the build chose it (or after
 * the build before remembered it). The build
 * must send it nothing (no token, no manifest, no file), and where it can, start a server of its own.
 */
class HostileServerPortTest {
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
    void aBuildSendsNothingToAPortWhoseHolderCannotProveTheServersToken() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        try (Neighbour neighbour = Neighbour.start("bound ", "listen", String.valueOf(port))) {
            harness.serverToken = "the-servers-token";

            DistestException e = assertThrows(DistestException.class,
                    () -> harness.run(List.of("socket=127.0.0.1:" + port), "PassingFixture"));

            assertTrue(neighbour.said("accepted on "), neighbour.text());
            assertEquals(0, neighbour.captured(), "what the neighbour got:\n" + neighbour.text());
            assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
        }
    }

    @Test
    void aBuildThatFindsItsLingeringServerGoneAndThePortTakenSendsItNothingAndStartsAFreshServer() throws Exception {
        Path farSide = Files.createTempDirectory("distest-ssh-stale");
        try {
            String spec = "2*" + SSHD.sshSpec() + "//chdir=" + farSide;
            ProcessHandle lingering = aBuildLeavesItsServerLingering(spec, farSide);
            String[] state = lingeringState(farSide);
            String port = state[0];
            String token = state[1];
            // the build's next module: its ssh start reads the state file while the build still compiles
            assertTrue(EarlySshStarts.begin(TxSpecs.parse(spec), harness.sshOptions));
            EarlySshStarts.awaitStarted(TxSpecs.parse(spec), harness.sshOptions);
            // then the server ends (as at the end of its linger time; killed here, so its state file stays) and
            // another account binds its port
            lingering.destroyForcibly();
            try (Neighbour neighbour = Neighbour.start("bound ", "listen", port)) {
                harness.log.clear();

                RunSummary summary = harness.run(List.of(spec), "PassingFixture", "Slow1Fixture");

                assertEquals(4, summary.tests(), harness.log.text());
                assertEquals(0, summary.failures() + summary.errors(), harness.log.text());
                assertEquals(0, neighbour.captured(), "what the neighbour got:\n" + neighbour.text());
                assertFalse(harness.log.text().contains(token), "the lingering server's token is in the build log");
                ProcessHandle fresh = serverUnder(farSide);
                assertTrue(fresh != null && fresh.pid() != lingering.pid(), "a server of the build's own");
            } finally {
                EarlySshStarts.closeAll();
            }
        } finally {
            EarlySshStarts.closeAll();
            ProcessHandle server = serverUnder(farSide);
            if (server != null) {
                server.destroyForcibly();
            }
            RunHarness.deleteTree(farSide);
        }
    }

    @Test
    void aNeighbourOnTheRememberedPortOfAServerGoneGetsNothingAndTheBuildStartsAServerOfItsOwn() throws Exception {
        Path farSide = Files.createTempDirectory("distest-ssh-remembered");
        try {
            String spec = "2*" + SSHD.sshSpec() + "//chdir=" + farSide;
            ProcessHandle lingering = aBuildLeavesItsServerLingering(spec, farSide); // and remembers it as it ends
            String port = lingeringState(farSide)[0];
            lingering.destroyForcibly(); // gone before its linger time, its port free for the taking
            lingering.onExit().get();
            try (Neighbour neighbour = Neighbour.start("bound ", "listen", port)) {
                harness.log.clear();

                RunSummary summary = harness.run(List.of(spec), "PassingFixture", "Slow1Fixture");

                assertEquals(4, summary.tests(), harness.log.text());
                assertEquals(0, summary.failures() + summary.errors(), harness.log.text());
                assertTrue(neighbour.said("accepted on "), "the build did try the remembered port: " + neighbour.text());
                assertEquals(0, neighbour.captured(), "what the neighbour got:\n" + neighbour.text());
                assertFalse(harness.log.text().contains("attached to the worker server"), harness.log.text());
                ProcessHandle fresh = serverUnder(farSide);
                assertTrue(fresh != null && fresh.pid() != lingering.pid(), "a server of the build's own");
            }
        } finally {
            ProcessHandle server = serverUnder(farSide);
            if (server != null) {
                server.destroyForcibly();
            }
            RunHarness.deleteTree(farSide);
        }
    }

    /** Runs a build on {@code spec} that leaves its far server lingering for a minute; returns that server. */
    private ProcessHandle aBuildLeavesItsServerLingering(String spec, Path farSide) throws Exception {
        harness.sshOptions = SSHD.options(SSHD.writeKnownHosts(temp.resolve("known_hosts")))
                .withLinger(Duration.ofSeconds(60));
        assertEquals(3, harness.run(List.of(spec), "PassingFixture").tests());
        return Poll.value(Duration.ofSeconds(10), () -> serverUnder(farSide), p -> p != null);
    }

    /** The lingering server's state file's words: its port, its token, its process id. */
    private static String[] lingeringState(Path farSide) throws Exception {
        try (Stream<Path> files = Files.list(farSide.resolve("linger"))) {
            return Files.readString(files.findFirst().orElseThrow()).trim().split(" ");
        }
    }

    /** The worker server (the JVM, not the shell that started it) whose root is {@code root}, or null. */
    private static ProcessHandle serverUnder(Path root) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().orElse("").endsWith("java"))
                .filter(p -> p.info().commandLine().orElse("").contains(" serve ")
                        && p.info().commandLine().orElse("").contains(root.toString()))
                .findFirst().orElse(null);
    }
}
