package io.distest.maven.gateway.ssh;

import io.distest.maven.gateway.Duplex;
import io.distest.shared.Quietly;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import net.schmizz.keepalive.KeepAlive;
import net.schmizz.keepalive.KeepAliveRunner;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.OpenFailException;
import net.schmizz.sshj.connection.channel.direct.DirectConnection;

/**
 * One authenticated ssh connection (sshj) to one account: run commands, transfer files over SFTP, open tunnels.
 * Several workers on one host share one session; commands, tunnels and file operations may be used from several
 * threads (each command and tunnel is its own ssh channel; the one SFTP channel matches answers to requests by id).
 *
 * <p>{@link #close()} ends every command still running on the far side (see {@link RemoteCommand}), closes the
 * tunnels and the connection.
 */
public final class SshSession implements Closeable {

    private static final int KEEP_ALIVE_SECONDS = 15;
    /** Unanswered keep-alives before the connection is given up: a vanished host is noticed within about a minute. */
    private static final int KEEP_ALIVE_MAX_MISSED = 4;

    private final SSHClient client;
    private final String user;
    private final String host;
    private final int port;
    private final RemoteProcesses processes;
    private final SftpFiles files;
    private final Set<DirectConnection> tunnels = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();

    private SshSession(SSHClient client, String user, String host, int port) {
        this.client = client;
        this.user = user;
        this.host = host;
        this.port = port;
        this.processes = new RemoteProcesses(this, client);
        this.files = new SftpFiles(this, client);
    }

    /**
     * Connects and authenticates. The target's user and port win over the ssh config's; the config's
     * {@code HostName} replaces an alias; then the local user name and port 22 fill in. The host key must be in
     * {@link SshOptions#knownHosts()} (or is added there when {@link SshOptions#acceptNewHostKeys()} is set and the
     * host is not known at all). Public-key authentication tries, in order, the config's {@code IdentityFile}s for
     * the host and then {@link SshOptions#identities()}; absent files and passphrase-protected keys are skipped
     * (distest never asks for a passphrase and does not use ssh-agent).
     *
     * @throws SshException with a message that says what failed and what to do (see {@link SshException.Reason})
     */
    public static SshSession connect(SshTarget target, SshOptions options) throws SshException {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(options, "options");
        SshjConfig.useJdkProviders();
        SshConfig.Resolved resolved;
        try {
            resolved = SshConfig.parse(options.sshConfig()).resolve(target.host(), target.user(), target.port());
        } catch (IOException e) {
            throw new SshException(SshException.Reason.BAD_CONFIGURATION,
                    "Cannot read the ssh config " + options.sshConfig() + ": " + e.getMessage(), e);
        }
        String user = resolved.user().orElse(System.getProperty("user.name"));
        int port = resolved.port().orElse(22);
        String host = resolved.hostName();
        String named = target.host().equals(host) ? host : target.host() + " (HostName " + host + ")";

        KnownHostsVerifier verifier;
        try {
            verifier = new KnownHostsVerifier(options.knownHosts(), options.acceptNewHostKeys(), QuietLogging.FACTORY);
        } catch (IOException e) {
            throw new SshException(SshException.Reason.BAD_CONFIGURATION,
                    "Cannot read the known hosts file " + options.knownHosts() + ": " + e.getMessage(), e);
        }
        SSHClient client = new SSHClient(SshjConfig.create());
        client.addHostKeyVerifier(verifier);
        client.setConnectTimeout((int) options.connectTimeout().toMillis());
        KeepAlive keepAlive = client.getConnection().getKeepAlive();
        keepAlive.setKeepAliveInterval(KEEP_ALIVE_SECONDS);
        if (keepAlive instanceof KeepAliveRunner runner) {
            runner.setMaxAliveCount(KEEP_ALIVE_MAX_MISSED);
        }
        try {
            client.connect(host, port);
        } catch (IOException e) {
            Quietly.close(client);
            throw switch (verifier.verdict()) {
                case UNKNOWN -> ConnectFailures.unknownHostKey(host, port, verifier, e);
                case CHANGED, OTHER_TYPE_KNOWN -> ConnectFailures.changedHostKey(host, port, verifier, e);
                default -> ConnectFailures.cannotConnect(named, port, options, e);
            };
        }
        try {
            SshAuthentication.authenticate(client, user, host, port, SshAuthentication.identities(resolved, options));
        } catch (SshException e) {
            Quietly.close(client);
            throw e;
        } catch (RuntimeException e) {
            Quietly.close(client);
            throw e;
        }
        return new SshSession(client, user, host, port);
    }

    /** {@code user@host:port} as resolved (the real host name, not an alias; an IPv6 address in brackets). */
    public String describe() {
        return user + "@" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    /** Whether the connection is still up (false after {@link #close()} or when the host went away). */
    public boolean isConnected() {
        return !closed.get() && client.isConnected() && client.isAuthenticated();
    }

    /**
     * Starts {@code command} on the far side; it is one shell command line for {@code /bin/sh} there (quote
     * accordingly), run without a pty in the environment the remote user's login shell sets up.
     *
     * <p>How: the login shell (which sshd always uses) is told
     * {@code exec /bin/sh -c 'echo distest-pid=$$; exec /bin/sh -c "$1"' distest COMMAND}. It thus becomes
     * {@code /bin/sh}, prints its process id, which is also its process group id (sshd makes every session's
     * command a session leader), and becomes the command, under the same process id. That line is consumed here,
     * so {@link RemoteCommand#stdout()} starts with the command's own output (anything a shell start-up file
     * printed before it is kept). Knowing the process group is what lets {@link RemoteCommand#close()} end the
     * command and its children. Needs a POSIX {@code /bin/sh} on the far side.
     */
    public RemoteCommand exec(String command) throws SshException {
        return processes.exec(command);
    }

    /**
     * Whether the far side serves SFTP (hardened hosts often disable the subsystem); when it does not, callers can
     * still run commands with {@link #exec}.
     */
    public boolean hasSftp() {
        return files.hasSftp();
    }

    /** The remote user's home directory, as the SFTP server canonicalizes {@code "."}. */
    public String home() throws SshException {
        return files.home();
    }

    /** Whether something exists at {@code remotePath} (symbolic links followed); relative paths are from home. */
    public boolean exists(String remotePath) throws SshException {
        return files.exists(remotePath);
    }

    /**
     * Copies a local regular file to {@code remotePath} (relative paths are from home), creating missing parent
     * directories. The bytes go to a hidden temporary name in the same directory first, which is then renamed
     * over {@code remotePath} (atomically on OpenSSH, with its {@code posix-rename} extension), so a half-written
     * file never appears under the final name, and an existing file is replaced. The permissions are
     * {@code rwxr-xr-x} when the local file is executable by its owner, {@code rw-r--r--} otherwise; the
     * modification time is not kept.
     */
    public void upload(Path local, String remotePath) throws SshException {
        files.upload(local, remotePath);
    }

    /**
     * Opens a TCP connection from the far side to {@code host:port} (an ssh {@code direct-tcpip} channel):
     * {@code localhost} means the far host itself. Closed by {@link #close()} if not before.
     */
    public Duplex tunnel(String host, int port) throws SshException {
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be from 1 to 65535, got " + port);
        }
        checkOpen();
        DirectConnection channel;
        try {
            channel = client.newDirectConnection(host, port);
        } catch (OpenFailException e) {
            throw new SshException(SshException.Reason.OPERATION_FAILED, "Cannot open a tunnel from " + describe()
                    + " to " + host + ":" + port + ": the far side says " + e.getReason() + " ("
                    + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw failed("Cannot open a tunnel from " + describe() + " to " + host + ":" + port, e);
        }
        tunnels.add(channel);
        AtomicBoolean done = new AtomicBoolean();
        Closeable close = () -> {
            if (done.compareAndSet(false, true)) {
                tunnels.remove(channel);
                Quietly.close(channel);
            }
        };
        return new Duplex(channel.getInputStream(), channel.getOutputStream(), close);
    }

    /** Ends the far-side commands still running, closes tunnels, SFTP and the connection. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            processes.endAll();
            new ArrayList<>(tunnels).forEach(Quietly::close);
            files.close();
        } finally {
            Quietly.close(client);
        }
    }

    @Override
    public String toString() {
        return "SshSession[" + describe() + "]";
    }

    SshException failed(String what, IOException e) {
        if (e instanceof SshException s) {
            return s;
        }
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (!client.isConnected()) {
            detail += " (the connection is lost)";
        }
        return new SshException(SshException.Reason.OPERATION_FAILED, what + ": " + detail, e);
    }

    boolean isClosed() {
        return closed.get();
    }

    void checkOpen() throws SshException {
        if (closed.get()) {
            throw new SshException(SshException.Reason.OPERATION_FAILED, "The ssh session to " + describe()
                    + " is closed");
        }
    }
}
