package io.distest.maven.gateway.ssh;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real OpenSSH {@code sshd} on a free loopback port, for one test class:
 * {@code @RegisterExtension static final SshdServer sshd = new SshdServer();}.
 *
 * <p>In a fresh temporary directory it generates an ed25519 host key and an ed25519 user key (no passphrase) with
 * {@code ssh-keygen}, writes {@code authorized_keys}, a {@code known_hosts} line for {@code [127.0.0.1]:PORT} and an
 * {@code sshd_config}, starts {@code /usr/sbin/sshd -D -e -f CONFIG} and waits until the port accepts. The account is
 * the user running the tests (root in the container and in CI, hence {@code PermitRootLogin yes}). Nothing here
 * reads or writes the real {@code ~/.ssh}. Without {@code /usr/sbin/sshd} the tests fail (not skip): install
 * openssh-server.
 *
 * <p>To debug: {@code -DargLine="-Dsshd.loglevel=DEBUG2 -Dsshd.keep=true"} keeps the directory (its path is
 * printed) with sshd's log in {@code sshd.log}.
 */
public final class SshdServer implements BeforeAllCallback, AfterAllCallback {

    static final Path SSHD = Path.of("/usr/sbin/sshd");
    static final Path SSH_KEYGEN = Path.of("/usr/bin/ssh-keygen");

    private final boolean sftp;
    private final String logLevel;
    private Path dir;
    private Process process;
    private int port;

    /** A server with the sftp subsystem, as most are. */
    public SshdServer() {
        this(true, System.getProperty("sshd.loglevel", "ERROR"));
    }

    private SshdServer(boolean sftp, String logLevel) {
        this.sftp = sftp;
        this.logLevel = logLevel;
    }

    /** A server without the sftp subsystem, as hardened hosts often are: commands run, SFTP is refused. */
    public static SshdServer withoutSftp() {
        return new SshdServer(false, System.getProperty("sshd.loglevel", "ERROR"));
    }

    /** A server that logs at {@code level} (sshd_config's LogLevel, e.g. DEBUG2), for tests that read {@link #log()}. */
    public static SshdServer logging(String level) {
        return new SshdServer(true, level);
    }

    /** What sshd has logged so far. */
    public String log() throws IOException {
        return Files.readString(dir.resolve("sshd.log"));
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (!Files.isExecutable(SSHD)) {
            fail(SSHD + " is missing: these tests need a real OpenSSH server. Install openssh-server"
                    + " (apt-get install openssh-server; .ci/run installs it in CI).");
        }
        if (!Files.isExecutable(SSH_KEYGEN)) {
            fail(SSH_KEYGEN + " is missing: install openssh-client.");
        }
        dir = Files.createTempDirectory("distest-sshd-");
        keygen(hostKey(), "distest-test-host");
        keygen(userKey(), "distest-test-user");
        Files.copy(userKey().resolveSibling("user_ed25519.pub"), dir.resolve("authorized_keys"));
        // sshd's privilege separation wants this directory; it is absent in containers that never ran sshd
        try {
            Files.createDirectories(Path.of("/run/sshd"));
        } catch (IOException e) {
            // not root: sshd then runs unprivileged and may not need it
        }
        IOException last = null;
        for (int attempt = 0; attempt < 3 && process == null; attempt++) {
            try {
                start(freePort());
            } catch (IOException e) {
                last = e; // most likely the free port was taken in between: try another
            }
        }
        if (process == null) {
            fail("sshd did not start: " + (last == null ? "" : last.getMessage()));
        }
    }

    private void start(int candidate) throws IOException, InterruptedException {
        Path config = dir.resolve("sshd_config");
        Files.writeString(config, String.join("\n",
                "ListenAddress 127.0.0.1",
                "Port " + candidate,
                "HostKey " + hostKey(),
                "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
                "PidFile " + dir.resolve("sshd.pid"),
                "UsePAM no",
                "StrictModes no",
                "PermitRootLogin yes",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "AllowTcpForwarding yes",
                sftp ? "Subsystem sftp internal-sftp" : "",
                "LogLevel " + logLevel,
                ""));
        Path log = dir.resolve("sshd.log");
        Process p = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IOException("sshd exited with " + p.exitValue() + ": " + Files.readString(log));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", candidate), 200);
                process = p;
                port = candidate;
                return;
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        p.destroyForcibly();
        throw new IOException("sshd did not listen on port " + candidate + " within 10 s: " + Files.readString(log));
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (process != null) {
            List<ProcessHandle> children = new ArrayList<>(process.descendants().toList());
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            children.forEach(ProcessHandle::destroy);
        }
        if (dir != null && System.getProperty("sshd.keep") != null) {
            System.err.println("kept " + dir);
        } else if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    public int port() {
        return port;
    }

    /** The tx spec {@code ssh=USER@127.0.0.1:PORT} of this server, for a test to extend with {@code //options}. */
    public String sshSpec() {
        return "ssh=" + user() + "@127.0.0.1:" + port();
    }

    /** The account the tests log in as: the local user. */
    public String user() {
        return System.getProperty("user.name");
    }

    Path dir() {
        return dir;
    }

    Path hostKey() {
        return dir.resolve("host_ed25519_key");
    }

    Path hostKeyPub() {
        return dir.resolve("host_ed25519_key.pub");
    }

    /** The private key whose public half is in {@code authorized_keys}. */
    Path userKey() {
        return dir.resolve("user_ed25519");
    }

    /** {@code [127.0.0.1]:PORT ssh-ed25519 AAAA...}: the line ssh-keyscan would print for this server. */
    String knownHostsLine() {
        try {
            String[] pub = Files.readString(hostKeyPub()).trim().split("\\s+");
            return "[127.0.0.1]:" + port + " " + pub[0] + " " + pub[1];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The OpenSSH client's command line for this server, as a user would put it after {@code exec=}: no ssh config,
     * only the test key, this known_hosts, unknown host keys refused, never a prompt.
     */
    public String sshCommand(Path knownHosts) {
        return "ssh -T -F /dev/null -p " + port + " -i " + userKey() + " -o IdentitiesOnly=yes -o BatchMode=yes"
                + " -o UserKnownHostsFile=" + knownHosts + " -o StrictHostKeyChecking=yes " + user() + "@127.0.0.1";
    }

    /** Writes a {@code known_hosts} file that knows this server. */
    public Path writeKnownHosts(Path file) throws IOException {
        Files.writeString(file, knownHostsLine() + "\n");
        return file;
    }

    SshTarget target() {
        return new SshTarget(Optional.of(user()), "127.0.0.1", OptionalInt.of(port));
    }

    /**
     * Options for tests: no ssh config ({@code dir/absent-config}), the given known_hosts, only the test user key,
     * new host keys refused, a short timeout, and a far server that ends with its build (no linger).
     */
    public SshOptions options(Path knownHosts) {
        return new SshOptions(dir.resolve("absent-config"), knownHosts, List.of(userKey()), false,
                Duration.ofSeconds(5), Duration.ZERO);
    }

    /** {@code ssh-keygen -lf FILE}'s fingerprint field, e.g. {@code SHA256:abc...}. */
    static String fingerprint(Path publicKey) throws IOException, InterruptedException {
        String out = run(SSH_KEYGEN.toString(), "-lf", publicKey.toString());
        return out.trim().split("\\s+")[1];
    }

    /** Generates a key pair without passphrase ({@code type} ed25519, ecdsa, ...). */
    static void keygen(Path privateKey, String comment) throws IOException, InterruptedException {
        keygen(privateKey, "ed25519", "", comment);
    }

    static void keygen(Path privateKey, String type, String passphrase, String comment)
            throws IOException, InterruptedException {
        run(SSH_KEYGEN.toString(), "-q", "-t", type, "-N", passphrase, "-C", comment, "-f", privateKey.toString());
    }

    static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }
}
