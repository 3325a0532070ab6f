package io.distest.maven.gateway.ssh;

import io.distest.maven.gateway.Background;
import io.distest.maven.gateway.FarRoot;
import io.distest.maven.gateway.LingeringHold;
import io.distest.maven.gateway.PosixShell;
import io.distest.maven.gateway.RemoteGateway;
import io.distest.maven.gateway.ServerClient;
import io.distest.maven.gateway.StdioBootstrap;
import io.distest.maven.gateway.StdioLink;
import io.distest.maven.gateway.ssh.RemoteCommand;
import io.distest.maven.gateway.ssh.SshOptions;
import io.distest.maven.gateway.ssh.SshSession;
import io.distest.maven.gateway.ssh.SshTarget;
import io.distest.maven.gateway.ssh.SshjConfig;
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
import java.time.Instant;
import java.util.Optional;
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
    private static final String NEED_JAR = "DISTEST-NEED-JAR";
    private static final String JAR_DIFFERS = "DISTEST-JAR-DIFFERS";
    private static final String RUNNING = "DISTEST-SERVER-RUNNING ";
    private static final long SERVER_START_SECONDS = 60;
    /** A remembered server answers in a round trip; what stays silent longer is not waited for (see below). */
    static final int REMEMBERED_ANSWER_SECONDS = 3;

    private final TxSpec spec;
    private final Transport.Ssh address;
    private final SshOptions options;
    private final Path workerJar;
    private final Log log;
    private String token = Secrets.token(24);
    /** Set when the server is one an earlier build left running (see {@code --linger}): no command of ours runs it. */
    private LingeringHold lingering;
    private SshSession session;
    private RemoteCommand server;
    private StdioLink stdio;
    /** The server's port on the far loopback, once known; -1 over the exec path. */
    private int serverPort = -1;
    /** Where this build's server is remembered for the next build (lingering servers only). */
    private Optional<LingerMemory> memory = Optional.empty();
    private final CompletableFuture<Reachable> reachable = new CompletableFuture<>();
    private String memoryKey;

    public SshEndpoint(TxSpec spec, Transport.Ssh address, SshOptions options, Path workerJar, Log log) {
        this.spec = spec;
        this.address = address;
        this.options = options;
        this.workerJar = workerJar;
        this.log = log;
        SshjConfig.warmUp(); // while the build still plans: sshj's first set-up is CPU-heavy
    }

    /** Where a server answers and its token; {@code remembered}: a port this machine remembered, not yet proved. */
    record Reachable(ServerClient.Connector connector, String token, boolean remembered) {}

    /**
     * Completes as soon as this start knows where its server answers: for a server this machine remembered, before
     * the start has held it (whoever attaches there must still be given the proof of the token), else with
     * {@link #start()}'s connector; fails if the start fails.
     */
    CompletableFuture<Reachable> reachable() {
        return reachable;
    }

    @Override
    public ServerClient.Connector start() throws IOException {
        try {
            ServerClient.Connector connector = connect();
            reachable.complete(new Reachable(connector, token, false)); // no-op after a remembered port's
            return connector;
        } catch (IOException | RuntimeException e) {
            reachable.completeExceptionally(e);
            throw e;
        }
    }

    private ServerClient.Connector connect() throws IOException {
        session = SshSession.connect(SshTarget.of(address), options);
        String hash = Sha256.hexOf(workerJar);
        String java = spec.java().orElse("java");
        if (!options.linger().isZero()) {
            memory = LingerMemory.ofThisUser();
            memoryKey = session.describe() + " " + root() + " " + hash + " " + java;
            ServerClient.Connector remembered = attachRemembered();
            if (remembered != null) {
                return remembered;
            }
        }
        // The SFTP check (its own round trips and far-side process) runs beside the server's start, not before it:
        // when the far cache holds the jar, one command checks its hash there and starts the server from it
        CompletableFuture<Boolean> sftp = Background.supply("distest-sftp-check", session::hasSftp);
        String answer;
        try {
            answer = startServer(hash, java, true);
        } catch (IOException | RuntimeException e) {
            if (sftp.join()) {
                throw e;
            }
            answer = NEED_JAR; // a host without SFTP may fail differently here; the exec path says what is wrong
        }
        if (!sftp.join()) { // common on hardened hosts; a shell is all the exec path needs
            if (server != null) {
                server.close();
                server = null;
            }
            log.info("[" + spec.text() + "] " + session.describe() + " has no SFTP subsystem: using the exec path"
                    + " (the worker jar and every connection over one ssh command's standard input and output)");
            stdio = new StdioBootstrap(spec.text(), () -> new SshCommand(session.exec("sh"), session.describe(), log),
                    java, spec.chdir(), workerJar, log).connect(token);
            return stdio;
        }
        log.info("[" + spec.text() + "] using SFTP and ssh tunnels on " + session.describe());
        if (answer.startsWith(RUNNING)) {
            ServerClient.Connector attached = holdLingering(answer.substring(RUNNING.length()).trim());
            if (attached != null) {
                return attached;
            }
            answer = startServer(hash, java, false);
        }
        if (!answer.startsWith(PORT_LINE)) {
            String jar = root() + "/jars/" + jarName(hash); // SFTP resolves a relative path from the home directory
            String shown = jar.startsWith("/") ? jar : "~/" + jar;
            if (answer.equals(JAR_DIFFERS)) { // someone who can write there may have swapped it
                log.warn("[" + spec.text() + "] the worker jar " + shown + " on " + session.describe()
                        + " is not the one its name promises (SHA-256 " + hash + "): replaced it");
                session.upload(workerJar, jar);
            } else {
                session.upload(workerJar, jar);
                log.info("[" + spec.text() + "] installed the worker jar as " + shown);
            }
            answer = startServer(hash, java, false); // a server another build left meanwhile is not waited for
        }
        if (!answer.startsWith(PORT_LINE)) {
            throw new IOException("the worker server on " + session.describe() + " did not start from the worker jar"
                    + " just installed (it said " + answer.split(" ")[0] + "): SFTP and the shell there see different home"
                    + " directories (a chrooted SFTP?). Set //chdir= in the tx spec \"" + spec.text() + "\" to an"
                    + " absolute directory both can reach.");
        }
        serverPort = Integer.parseInt(answer.substring(PORT_LINE.length()).trim());
        return connector(serverPort);
    }

    /**
     * Holds the server this machine's last build left there, if it remembers one that may still linger and what
     * answers on its port proves the token; null if not (the memory is dropped, and the checked path taken). No
     * far command runs: the server checks its root again itself. A port holder that stays silent is left after
     * {@value #REMEMBERED_ANSWER_SECONDS} s, so another account that took the port of a server gone costs a build
     * that much at most, and learns nothing.
     */
    private ServerClient.Connector attachRemembered() {
        Optional<LingerMemory.Server> known = memory.flatMap(m -> m.recall(memoryKey, options.linger(), Instant.now()));
        if (known.isEmpty()) {
            return null;
        }
        int port = known.get().port();
        reachable.complete(new Reachable(connector(port), known.get().token(), true));
        try {
            lingering = LingeringHold.take(connector(port), known.get().token(), "the worker server the last build"
                    + " left on " + session.describe() + " (port " + port + ")", REMEMBERED_ANSWER_SECONDS);
        } catch (IOException | RuntimeException e) {
            memory.get().forget(memoryKey);
            log.debug("[" + spec.text() + "] the worker server the last build left is not there: " + e.getMessage());
            return null;
        }
        token = known.get().token();
        serverPort = port;
        log.info("[" + spec.text() + "] attached to the worker server an earlier build left running on "
                + session.describe() + ", as this machine remembered it (distest.ssh.linger; with 0 a build starts"
                + " one that ends with it)");
        return connector(port);
    }

    /**
     * Holds the server an earlier build left, if what answers on its port proves the token; null if not (it has
     * ended, and its port may be another account's now): the caller starts a server of its own then.
     *
     * @param portAndToken the state file's port and token, as the far side's check printed them
     */
    private ServerClient.Connector holdLingering(String portAndToken) {
        String[] words = portAndToken.split(" ");
        try {
            int port = Integer.parseInt(words[0]);
            lingering = LingeringHold.take(connector(port), words[1], "the worker server an earlier build left on "
                    + session.describe() + " (port " + port + ")");
            token = words[1];
            serverPort = port;
            log.info("[" + spec.text() + "] attached to the worker server an earlier build left running on "
                    + session.describe() + " (distest.ssh.linger; with 0 a build starts one that ends with it)");
            return connector(port);
        } catch (IOException | RuntimeException e) {
            log.info("[" + spec.text() + "] not using the worker server an earlier build left: " + e.getMessage()
                    + "; starting a fresh one");
            return null;
        }
    }

    private ServerClient.Connector connector(int port) {
        return () -> session.tunnel("127.0.0.1", port);
    }

    /**
     * Starts the worker server from the far cache if the jar there has {@code hash}, tied to this connection by its
     * standard input; returns its first line: the port line, {@link #RUNNING} with the port and token of a server an
     * earlier build left lingering (nothing was started then), or {@link #NEED_JAR} / {@link #JAR_DIFFERS} when the
     * jar is absent or not the expected one (nothing was started then either).
     *
     * @param mayAttach whether a lingering server may answer instead (false: this build starts its own)
     */
    private String startServer(String hash, String java, boolean mayAttach) throws IOException {
        if (server != null) {
            server.close();
        }
        long linger = options.linger().toSeconds();
        // A server an earlier build left (same jar, same java) answers with its port and token if it still runs
        String lingerFile = "\"$R/linger/" + jarName(hash).replace(".jar", "") + "-"
                + Sha256.hex(java.getBytes(StandardCharsets.UTF_8)).substring(0, 12) + "\"";
        // (its process must run and, where /proc tells, be exactly `… serve … --linger-file $L`: not a reused process
        // id, nor a shell whose command line merely mentions the file)
        String lingerVariable = linger == 0 ? "" : "L=" + lingerFile + "; ";
        String checks = FarRoot.checks("\"$R\"", "\"$R/jars\"", "\"$R/linger\"", FarRoot.COPIES, "\"$J\"")
                + (linger == 0 ? "" : "distest_own \"$L\"; ");
        String attachToLingering = linger == 0 || !mayAttach ? "" : "if [ -f \"$L\" ] && read P T I < \"$L\""
                + " && [ -n \"$I\" ] && kill -0 \"$I\" 2>/dev/null && { [ ! -d /proc/$I ] || {"
                + " tr '\\0' '\\n' < /proc/$I/cmdline | grep -qx serve && [ \"$(tr '\\0' '\\n' < /proc/$I/cmdline"
                + " | tail -n 2)\" = \"$(printf '%s\\n%s' --linger-file \"$L\")\" ]; }; }; then echo \"" + RUNNING
                + "$P $T\"; el";
        server = session.exec("R=" + shellRoot() + "; J=\"$R/jars/" + jarName(hash) + "\"; " + lingerVariable
                + checks + attachToLingering + "if [ -f \"$J\" ]; then " + FarRoot.runPrivateCopy(hash, "exec "
                + PosixShell.quote(java) + " -jar \"$C\" serve --bind 127.0.0.1 --port 0 --root \"$R\" --lifeline-stdin"
                + (linger == 0 ? "" : " --linger " + linger + " --linger-file \"$L\""), "echo " + JAR_DIFFERS + ";")
                + " else echo " + NEED_JAR + "; fi");
        try {
            server.stdin().write((token + "\n").getBytes(StandardCharsets.UTF_8));
            server.stdin().flush();
        } catch (IOException e) {
            // the shell may already have answered and ended (no jar): its first line says so
        }
        return awaitFirstLine(java);
    }

    private static String jarName(String hash) {
        return "distest-worker-" + hash.substring(0, 16) + ".jar";
    }

    /** {@code //chdir=} names the far side's cache root; relative ones (and ~/.cache/distest) are under home. */
    private String root() {
        return spec.chdir().orElse(".cache/distest");
    }

    /** The root as a word for the far side's shell. */
    private String shellRoot() {
        String root = root();
        return root.startsWith("/") ? PosixShell.quote(root) : "\"$HOME\"/" + PosixShell.quote(root);
    }

    private String awaitFirstLine(String java) throws IOException {
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
        if (line != null && (line.startsWith(PORT_LINE) || line.startsWith(RUNNING) || line.equals(NEED_JAR)
                || line.equals(JAR_DIFFERS))) {
            return line;
        }
        if (line != null && line.startsWith(FarRoot.UNSAFE)) {
            throw new IOException(FarRoot.refusal(session.describe(), line) + " (tx spec \"" + spec.text() + "\")");
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

    /** Remembers the server that lingers from now on for the next build; forgets one that is gone. */
    private void rememberLingering() {
        if (memory.isEmpty() || serverPort < 0) {
            return;
        }
        if (!alive()) {
            memory.get().forget(memoryKey);
            return;
        }
        try {
            memory.get().remember(memoryKey, new LingerMemory.Server(serverPort, token), Instant.now());
        } catch (IOException e) {
            log.debug("[" + spec.text() + "] the lingering worker server is not remembered for the next build: " + e);
        }
    }

    /** Whether the connection and the server it started are still up (after {@link #start()}). */
    boolean alive() {
        return session != null && session.isConnected()
                && (stdio != null ? stdio.isAlive() : lingering != null ? lingering.isOpen()
                        : server != null && server.isOpen());
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
        rememberLingering();
        if (stdio != null) {
            stdio.close();
        }
        if (lingering != null) {
            lingering.close();
        }
        if (server != null) {
            if (options.linger().isZero()) {
                server.close();
            } else {
                server.release(); // it stays options.linger() for the next build, then ends by itself
            }
        }
        if (session != null) {
            session.close();
        }
    }
}
