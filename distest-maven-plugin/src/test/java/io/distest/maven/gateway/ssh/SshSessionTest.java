package io.distest.maven.gateway.ssh;


import io.distest.maven.gateway.Duplex;
import io.distest.testing.Poll;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link SshSession} against a real OpenSSH sshd on a loopback port (see {@link SshdServer}). */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SshSessionTest {

    @RegisterExtension
    static final SshdServer sshd = new SshdServer();

    @TempDir
    Path temp;

    @Test
    void connectsWithKeyAndRunsCommand() throws Exception {
        try (SshSession session = SshSession.connect(sshd.target(), sshd.options(knownHosts()))) {
            assertEquals(sshd.user() + "@127.0.0.1:" + sshd.port(), session.describe());
            RemoteCommand command = session.exec("echo hello");
            String out = new String(command.stdout().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(command.waitFor(Duration.ofSeconds(10)), "the command ends");
            assertEquals("hello\n", out);
            assertEquals(0, command.exitStatus());
        }
    }

    @Test
    void passesStdinQuotesAndReportsStderrAndExitStatus() throws Exception {
        try (SshSession session = SshSession.connect(sshd.target(), sshd.options(knownHosts()))) {
            RemoteCommand command = session.exec("cat; echo \"it's\" 'on stderr' >&2; exit 3");
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(command.stderr()));
            try (OutputStream stdin = command.stdin()) {
                stdin.write("from stdin\n".getBytes(StandardCharsets.UTF_8));
            }
            assertEquals("from stdin\n", new String(command.stdout().readAllBytes(), StandardCharsets.UTF_8));
            assertEquals("it's on stderr\n", new String(err.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8));
            assertTrue(command.waitFor(Duration.ofSeconds(10)));
            assertEquals(3, command.exitStatus());
        }
    }

    @Test
    void resolvesAliasFromSshConfig() throws Exception {
        Path config = temp.resolve("config");
        Files.writeString(config, String.join("\n",
                "Host other",
                "    Port 1",
                "Host testbox",
                "    HostName 127.0.0.1",
                "    Port " + sshd.port(),
                "    User " + sshd.user(),
                "    IdentityFile " + sshd.userKey(),
                "Host *",
                "    User somebody-else",
                ""));
        SshOptions options = sshd.options(knownHosts()).withSshConfig(config).withIdentities(List.of());
        try (SshSession session = SshSession.connect(SshTarget.host("testbox"), options)) {
            assertEquals(sshd.user() + "@127.0.0.1:" + sshd.port(), session.describe());
            RemoteCommand command = session.exec("echo ok");
            assertEquals("ok\n", new String(command.stdout().readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void refusesUnknownHostKeyNamingFingerprintAndHowToAccept() throws Exception {
        Path knownHosts = temp.resolve("known_hosts"); // absent
        SshException e = assertThrows(SshException.class,
                () -> SshSession.connect(sshd.target(), sshd.options(knownHosts)));
        assertEquals(SshException.Reason.UNKNOWN_HOST_KEY, e.reason());
        String message = e.getMessage();
        assertContains(message, "127.0.0.1 port " + sshd.port());
        assertContains(message, "ED25519 key fingerprint is " + SshdServer.fingerprint(sshd.hostKeyPub()));
        assertContains(message, "ssh-keyscan -p " + sshd.port() + " 127.0.0.1 >> " + knownHosts.toAbsolutePath());
        assertContains(message, "-Ddistest.ssh.acceptNewHostKeys=true");
        assertFalse(Files.exists(knownHosts), "nothing is written without acceptNewHostKeys");
    }

    @Test
    void acceptsNewHostKeyWhenAskedAndRemembersIt() throws Exception {
        Path knownHosts = temp.resolve("ssh/known_hosts"); // absent, and so is its directory
        try (SshSession session = SshSession.connect(sshd.target(),
                sshd.options(knownHosts).withAcceptNewHostKeys(true))) {
            assertTrue(session.isConnected());
        }
        assertEquals(List.of(sshd.knownHostsLine()), Files.readAllLines(knownHosts));
        try (SshSession again = SshSession.connect(sshd.target(), sshd.options(knownHosts))) {
            assertTrue(again.isConnected());
        }
        assertEquals(1, Files.readAllLines(knownHosts).size(), "a known key is not added twice");
    }

    @Test
    void refusesChangedHostKeyEvenWhenAcceptingNewKeys() throws Exception {
        Path other = temp.resolve("other_host_key");
        SshdServer.keygen(other, "impostor");
        String[] pub = Files.readString(other.resolveSibling("other_host_key.pub")).trim().split("\\s+");
        Path knownHosts = temp.resolve("known_hosts");
        String stale = "[127.0.0.1]:" + sshd.port() + " " + pub[0] + " " + pub[1];
        Files.writeString(knownHosts, "# a comment\n" + stale + "\n");

        SshException e = assertThrows(SshException.class, () -> SshSession.connect(sshd.target(),
                sshd.options(knownHosts).withAcceptNewHostKeys(true)));
        assertEquals(SshException.Reason.CHANGED_HOST_KEY, e.reason());
        assertContains(e.getMessage(), "CHANGED");
        assertContains(e.getMessage(), "man-in-the-middle");
        assertContains(e.getMessage(), SshdServer.fingerprint(sshd.hostKeyPub()));
        assertContains(e.getMessage(), knownHosts.toAbsolutePath() + " (line 2)");
        assertContains(e.getMessage(), "ssh-keygen -R '[127.0.0.1]:" + sshd.port() + "' -f " + knownHosts.toAbsolutePath());
        assertEquals("# a comment\n" + stale + "\n", Files.readString(knownHosts), "known_hosts is left alone");
    }

    @Test
    void refusesNewKeyTypeForHostKnownByAnotherType() throws Exception {
        Path other = temp.resolve("ecdsa_key");
        SshdServer.keygen(other, "ecdsa", "", "old");
        String[] pub = Files.readString(other.resolveSibling("ecdsa_key.pub")).trim().split("\\s+");
        Path knownHosts = temp.resolve("known_hosts");
        Files.writeString(knownHosts, "[127.0.0.1]:" + sshd.port() + " " + pub[0] + " " + pub[1] + "\n");

        // the server has only an ed25519 key, so sshj's preference for the known ecdsa type cannot be met
        SshException e = assertThrows(SshException.class, () -> SshSession.connect(sshd.target(),
                sshd.options(knownHosts).withAcceptNewHostKeys(true)));
        assertEquals(SshException.Reason.CHANGED_HOST_KEY, e.reason());
        assertContains(e.getMessage(), "only by ecdsa-sha2-nistp256 key(s)");
    }

    @Test
    void namesTriedIdentitiesWhenAuthenticationFails() throws Exception {
        Path absent = temp.resolve("id_absent");
        Path stranger = temp.resolve("id_stranger");
        SshdServer.keygen(stranger, "not in authorized_keys");
        Path encrypted = temp.resolve("id_encrypted");
        String passphrase = "sekrit-" + ThreadLocalRandom.current().nextInt(1_000_000);
        SshdServer.keygen(encrypted, "ed25519", passphrase, "encrypted");

        SshOptions options = sshd.options(knownHosts()).withIdentities(List.of(absent, encrypted, stranger));
        SshException e = assertThrows(SshException.class, () -> SshSession.connect(sshd.target(), options));
        assertEquals(SshException.Reason.AUTHENTICATION_FAILED, e.reason());
        String message = e.getMessage();
        assertContains(message, sshd.user() + "@127.0.0.1:" + sshd.port());
        assertContains(message, absent + ": absent");
        assertContains(message, encrypted + ": encrypted, skipped");
        assertContains(message, stranger + ": rejected by the server");
        assertTrue(message.indexOf(absent.toString()) < message.indexOf(encrypted.toString())
                && message.indexOf(encrypted.toString()) < message.indexOf(stranger.toString()), message);
        assertFalse(message.contains(passphrase), "no secret in the message");
    }

    @Test
    void signsWithTheNextKeyWhenTheServerRejectsASignedRequestWithTheFirst() throws Exception {
        Path stranger = temp.resolve("id_stranger_first");
        SshdServer.keygen(stranger, "not in authorized_keys");
        Path rsaStranger = temp.resolve("id_rsa_stranger");
        SshdServer.keygen(rsaStranger, "rsa", "", "an rsa key not in authorized_keys");
        SshOptions options = sshd.options(knownHosts())
                .withIdentities(List.of(stranger, rsaStranger, sshd.options(knownHosts()).identities().get(0)));

        try (SshSession session = SshSession.connect(sshd.target(), options)) {
            RemoteCommand command = session.exec("echo signed");
            assertEquals("signed\n", new String(command.stdout().readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void refusesConnectionToClosedPortNamingHostPortAndCause() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = s.getLocalPort();
        }
        SshTarget target = new SshTarget(Optional.empty(), "127.0.0.1", OptionalInt.of(closedPort));
        SshException e = assertThrows(SshException.class,
                () -> SshSession.connect(target, sshd.options(knownHosts())));
        assertEquals(SshException.Reason.CANNOT_CONNECT, e.reason());
        assertContains(e.getMessage(), "127.0.0.1 port " + closedPort);
        assertContains(e.getMessage(), "connect timeout 5 s");
        assertContains(e.getMessage(), "connection refused");
    }

    @Test
    void uploadsFileAtomicallyAndExistsSeesIt() throws Exception {
        Path local = temp.resolve("tool.sh");
        Files.writeString(local, "#!/bin/sh\necho tool\n");
        Files.setPosixFilePermissions(local, PosixFilePermissions.fromString("rwx------"));
        Path far = temp.resolve("far"); // the sshd is local, so "remote" paths are visible here too
        String remote = far + "/a/b/tool.sh";
        try (SshSession session = SshSession.connect(sshd.target(), sshd.options(knownHosts()))) {
            assertEquals(Path.of(System.getProperty("user.home")).toRealPath().toString(), session.home());
            assertFalse(session.exists(remote));

            session.upload(local, remote);

            assertTrue(session.exists(remote));
            Path landed = Path.of(remote);
            assertArrayEquals(Files.readAllBytes(local), Files.readAllBytes(landed));
            assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(landed)));
            RemoteCommand run = session.exec(remote);
            assertEquals("tool\n", new String(run.stdout().readAllBytes(), StandardCharsets.UTF_8));

            // a second upload replaces the file, and a plain file is not executable
            byte[] data = new byte[300_000];
            ThreadLocalRandom.current().nextBytes(data);
            Path plain = temp.resolve("data.bin");
            Files.write(plain, data);
            Files.setPosixFilePermissions(plain, PosixFilePermissions.fromString("rw-------"));
            session.upload(plain, remote);
            assertArrayEquals(data, Files.readAllBytes(landed));
            assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(landed)));
        }
        try (Stream<Path> left = Files.list(far.resolve("a/b"))) {
            assertEquals(List.of("tool.sh"), left.map(p -> p.getFileName().toString()).toList(),
                    "no temporary file is left behind");
        }
    }

    @Test
    void tunnelsToServerOnFarSide() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
                SshSession session = SshSession.connect(sshd.target(), sshd.options(knownHosts()))) {
            CompletableFuture<Void> echo = CompletableFuture.runAsync(() -> {
                try (Socket socket = server.accept()) {
                    byte[] got = socket.getInputStream().readAllBytes();
                    socket.getOutputStream().write(new String(got, StandardCharsets.UTF_8)
                            .toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            Duplex tunnel = session.tunnel("127.0.0.1", server.getLocalPort());
            try {
                tunnel.out().write("ping through ssh".getBytes(StandardCharsets.UTF_8));
                tunnel.out().close(); // EOF to the echo server
                assertEquals("PING THROUGH SSH", new String(tunnel.in().readAllBytes(), StandardCharsets.UTF_8));
                echo.get(10, TimeUnit.SECONDS);
            } finally {
                tunnel.close().close();
            }
        }
    }

    @Test
    void closingSessionEndsRemoteCommand() throws Exception {
        // a unique argument, so that the far-side process can be found in /proc (the sshd is local)
        String marker = "600." + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        SshSession session = SshSession.connect(sshd.target(), sshd.options(knownHosts()));
        RemoteCommand sleep;
        try {
            sleep = session.exec("sleep " + marker);
            assertTrue(Poll.within(Duration.ofSeconds(10), () -> !processesWith(marker).isEmpty()),
                    "the remote sleep started");
        } finally {
            session.close();
        }
        assertTrue(Poll.within(Duration.ofSeconds(5), () -> processesWith(marker).isEmpty()),
                "no `sleep " + marker + "` left running: " + processesWith(marker));
        assertFalse(sleep.isOpen());
        assertFalse(session.isConnected());
        SshException e = assertThrows(SshException.class, () -> session.exec("true"));
        assertContains(e.getMessage(), "closed");
    }

    // ------------------------------------------------------------------------------------------- helpers

    private Path knownHosts() throws IOException {
        Path file = temp.resolve("known_hosts");
        return Files.exists(file) ? file : sshd.writeKnownHosts(file);
    }

    private static void assertContains(String text, String part) {
        assertNotNull(text);
        assertTrue(text.contains(part), () -> "expected to find\n  " + part + "\nin\n" + text);
    }

    private static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
    }

    private static List<Long> processesWith(String marker) {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> {
                        try {
                            String cmdline = new String(Files.readAllBytes(p.resolve("cmdline")),
                                    StandardCharsets.UTF_8).replace('\0', ' ');
                            return cmdline.contains(marker);
                        } catch (IOException gone) {
                            return false;
                        }
                    })
                    .map(p -> Long.parseLong(p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
    }
}
