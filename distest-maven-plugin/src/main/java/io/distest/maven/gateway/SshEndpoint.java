package io.distest.maven.gateway;

import io.distest.maven.gateway.ssh.PosixShell;
import io.distest.maven.gateway.ssh.RemoteCommand;
import io.distest.maven.gateway.ssh.SshOptions;
import io.distest.maven.gateway.ssh.SshSession;
import io.distest.maven.gateway.ssh.SshTarget;
import io.distest.maven.tx.Transport;
import io.distest.maven.tx.TxSpec;
import io.distest.shared.Secrets;
import io.distest.shared.Sha256;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.maven.plugin.logging.Log;

/**
 * {@code ssh=[user@]host[:port]}: one ssh connection per spec. The worker jar is installed by hash into the far
 * side's cache when absent, a worker server is started there with the far side's {@code java}, tied to this
 * connection by its standard input, and every worker's stream is an ssh tunnel to it.
 */
public final class SshEndpoint implements RemoteGateway.Endpoint {
    private static final String PORT_LINE = "DISTEST-SERVER-PORT ";
    private static final long SERVER_START_SECONDS = 60;

    private final TxSpec spec;
    private final Transport.Ssh address;
    private final SshOptions options;
    private final Path workerJar;
    private final Log log;
    private final String token = Secrets.token(24);
    private SshSession session;
    private RemoteCommand server;
    private StdioLink stdio;

    public SshEndpoint(TxSpec spec, Transport.Ssh address, SshOptions options, Path workerJar, Log log) {
        this.spec = spec;
        this.address = address;
        this.options = options;
        this.workerJar = workerJar;
        this.log = log;
    }

    @Override
    public ServerClient.Connector start() throws IOException {
        session = SshSession.connect(SshTarget.of(address), options);
        if (!session.hasSftp()) { // common on hardened hosts; a shell is all the exec path needs
            log.info("[" + spec.text() + "] " + session.describe() + " has no SFTP subsystem: using the exec path"
                    + " (the worker jar and every connection over one ssh command's standard input and output)");
            stdio = new StdioBootstrap(spec.text(), () -> new SshCommand(session.exec("sh"), session.describe(), log),
                    spec.java().orElse("java"), spec.chdir(), workerJar, log).connect(token);
            return stdio;
        }
        log.info("[" + spec.text() + "] using SFTP and ssh tunnels on " + session.describe());
        String root = root(session.home());
        String hash = Sha256.hexOf(workerJar);
        String jar = root + "/jars/distest-worker-" + hash.substring(0, 16) + ".jar";
        if (!session.exists(jar)) {
            session.upload(workerJar, jar);
            log.info("[" + spec.text() + "] installed the worker jar as " + jar);
        } else if (!hash.equals(remoteHashOf(jar))) { // someone who can write there may have swapped it
            log.warn("[" + spec.text() + "] the worker jar " + jar + " on " + session.describe()
                    + " is not the one its name promises (SHA-256 " + hash + "): replaced it");
            session.upload(workerJar, jar);
        }
        String java = spec.java().orElse("java");
        server = session.exec(PosixShell.quote(java) + " -jar " + PosixShell.quote(jar) + " serve --bind 127.0.0.1 --port 0 --root "
                + PosixShell.quote(root) + " --lifeline-stdin");
        server.stdin().write((token + "\n").getBytes(StandardCharsets.UTF_8));
        server.stdin().flush();
        int port = awaitPort(java);
        return () -> session.tunnel("127.0.0.1", port);
    }

    /** The far side's SHA-256 of {@code file} ({@code sha256sum}, or {@code shasum} on macOS/BSD), or "" if unknown. */
    private String remoteHashOf(String file) throws IOException {
        RemoteCommand hashing = session.exec("sha256sum " + PosixShell.quote(file) + " 2>/dev/null || shasum -a 256 " + PosixShell.quote(file));
        try {
            String output = new String(hashing.stdout().readNBytes(4096), StandardCharsets.UTF_8).strip();
            hashing.waitFor(Duration.ofSeconds(30));
            return output.length() >= 64 ? output.substring(0, 64).toLowerCase(java.util.Locale.ROOT) : "";
        } finally {
            hashing.close();
        }
    }

    /** {@code //chdir=} names the far side's cache root (relative: to the home directory); default ~/.cache/distest. */
    private String root(String home) {
        String chdir = spec.chdir().orElse(".cache/distest");
        return chdir.startsWith("/") ? chdir : home + "/" + chdir;
    }

    private int awaitPort(String java) throws IOException {
        BufferedReader stdout = new BufferedReader(new InputStreamReader(server.stdout(), StandardCharsets.UTF_8));
        CompletableFuture<String> firstLine = CompletableFuture.supplyAsync(() -> {
            try {
                return stdout.readLine();
            } catch (IOException e) {
                return null;
            }
        });
        String line;
        try {
            line = firstLine.get(SERVER_START_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IOException("the worker server on " + session.describe() + " did not start within "
                    + SERVER_START_SECONDS + " s (command: " + server.command() + ")");
        } catch (Exception e) {
            line = null;
        }
        if (line != null && line.startsWith(PORT_LINE)) {
            return Integer.parseInt(line.substring(PORT_LINE.length()).trim());
        }
        server.waitFor(Duration.ofSeconds(5));
        String stderr = new String(server.stderr().readNBytes(8192), StandardCharsets.UTF_8).strip();
        Integer status = server.exitStatus();
        String why = status != null && status == 127 || stderr.contains("not found")
                ? "java \"" + java + "\" was not found there"
                : stderr.contains("UnsupportedClassVersionError")
                        ? "java \"" + java + "\" there is older than Java 17, which distest needs"
                        : "it exited" + (status == null ? "" : " with status " + status);
        throw new IOException("cannot start the distest worker server on " + session.describe() + ": " + why
                + ". Set //java= in the tx spec \"" + spec.text() + "\" to a JDK 17+ java on that host."
                + (stderr.isEmpty() ? "" : " Its output:\n" + stderr));
    }

    @Override
    public String serverToken() {
        return token;
    }

    @Override
    public String describe() {
        return session != null ? session.describe() : address.toString();
    }

    @Override
    public void close() {
        if (stdio != null) {
            stdio.close();
        }
        if (server != null) {
            server.close();
        }
        if (session != null) {
            session.close();
        }
    }
}
