package io.distest.maven.gateway.ssh;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import net.schmizz.keepalive.KeepAlive;
import net.schmizz.keepalive.KeepAliveProvider;
import net.schmizz.keepalive.KeepAliveRunner;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.OpenFailException;
import net.schmizz.sshj.connection.channel.direct.DirectConnection;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.connection.channel.direct.Signal;
import net.schmizz.sshj.sftp.FileAttributes;
import net.schmizz.sshj.sftp.FileMode;
import net.schmizz.sshj.sftp.OpenMode;
import net.schmizz.sshj.sftp.RemoteFile;
import net.schmizz.sshj.sftp.Response;
import net.schmizz.sshj.sftp.SFTPClient;
import net.schmizz.sshj.sftp.SFTPException;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.userauth.method.AuthPublickey;
import net.schmizz.sshj.userauth.password.PasswordFinder;
import net.schmizz.sshj.userauth.password.Resource;

/**
 * One authenticated ssh connection (sshj) to one account: run commands, transfer files over SFTP, open tunnels.
 * Several workers on one host share one session; commands, tunnels and file operations may be used from several
 * threads (each command and tunnel is its own ssh channel; the one SFTP channel matches answers to requests by id).
 *
 * <p>{@link #close()} ends every command still running on the far side (see {@link RemoteCommand}), closes the
 * tunnels and the connection.
 */
public final class SshSession implements Closeable {

    /** The system property that accepts unknown host keys, as named in error messages. */
    public static final String ACCEPT_NEW_HOST_KEYS_PROPERTY = "distest.ssh.acceptNewHostKeys";

    private static final int KEEP_ALIVE_SECONDS = 15;
    /** Unanswered keep-alives before the connection is given up: a vanished host is noticed within about a minute. */
    private static final int KEEP_ALIVE_MAX_MISSED = 4;
    private static final long TERM_GRACE_MILLIS = 2_000;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PID_MARKER = "distest-pid=";
    private static final int MAX_PREAMBLE = 64 * 1024;
    private static final int KILL_TIMEOUT_SECONDS = 10;

    private final SSHClient client;
    private final String user;
    private final String host;
    private final int port;
    private final Set<RemoteCommand> commands = ConcurrentHashMap.newKeySet();
    private final Set<DirectConnection> tunnels = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();
    private SFTPClient sftp; // guarded by this

    private SshSession(SSHClient client, String user, String host, int port) {
        this.client = client;
        this.user = user;
        this.host = host;
        this.port = port;
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
        DefaultConfig config = new DefaultConfig();
        config.setLoggerFactory(QuietLogging.FACTORY);
        config.setKeepAliveProvider(KeepAliveProvider.KEEP_ALIVE);
        SSHClient client = new SSHClient(config);
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
            closeQuietly(client);
            throw switch (verifier.verdict()) {
                case UNKNOWN -> unknownHostKey(host, port, verifier, e);
                case CHANGED, OTHER_TYPE_KNOWN -> changedHostKey(host, port, verifier, e);
                default -> cannotConnect(named, port, options, e);
            };
        }
        try {
            authenticate(client, user, host, port, identities(resolved, options));
        } catch (SshException e) {
            closeQuietly(client);
            throw e;
        } catch (RuntimeException e) {
            closeQuietly(client);
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
        Objects.requireNonNull(command, "command");
        checkOpen();
        Session session = null;
        try {
            session = client.startSession();
            Session.Command channel = session.exec(
                    "exec /bin/sh -c 'echo " + PID_MARKER + "$$; exec /bin/sh -c \"$1\"' distest " + quote(command));
            ProcessStart start = readProcessId(channel);
            if (start.pid() < 0) {
                String err = new String(channel.getErrorStream().readNBytes(4096), StandardCharsets.UTF_8).trim();
                throw new SshException(SshException.Reason.OPERATION_FAILED, "Cannot run `" + command + "` on "
                        + describe() + ": the far side did not start /bin/sh"
                        + (err.isEmpty() ? "" : " (" + err + ")"));
            }
            RemoteCommand remote = new RemoteCommand(command, describe(), channel, start.pid(), start.stdout(),
                    this::killGroups, commands::remove);
            commands.add(remote);
            if (closed.get()) { // lost a race with close(): do not leave it running
                remote.close();
                checkOpen();
            }
            return remote;
        } catch (IOException e) {
            if (session != null) {
                try {
                    session.close();
                } catch (IOException | RuntimeException ignored) {
                    // the failure above is what matters
                }
            }
            throw failed("Cannot run `" + command + "` on " + describe(), e);
        }
    }

    private record ProcessStart(long pid, InputStream stdout) {
    }

    /**
     * Reads stdout up to the {@code distest-pid=N} line; bytes before it (a chatty {@code .bashrc}) are put back in
     * front of the stream handed to the caller. A pid of -1 means stdout ended first.
     */
    private static ProcessStart readProcessId(Session.Command channel) throws IOException {
        InputStream in = channel.getInputStream();
        ByteArrayOutputStream before = new ByteArrayOutputStream();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                return new ProcessStart(-1, in);
            }
            if (b != '\n') {
                line.write(b);
                if (line.size() > MAX_PREAMBLE) {
                    throw new IOException("more than " + MAX_PREAMBLE + " bytes of output before the command started");
                }
                continue;
            }
            // ISO-8859-1 maps bytes 1:1 to chars, so indexes found here are byte offsets
            String text = line.toString(StandardCharsets.ISO_8859_1);
            int at = text.lastIndexOf(PID_MARKER);
            String digits = at < 0 ? "" : text.substring(at + PID_MARKER.length());
            if (!digits.isEmpty() && digits.length() < 19 && digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                before.write(line.toByteArray(), 0, at); // a preamble printed without a final newline
                InputStream rest = before.size() == 0 ? in
                        : new SequenceInputStream(new ByteArrayInputStream(before.toByteArray()), in);
                return new ProcessStart(Long.parseLong(digits), rest);
            }
            line.writeTo(before);
            before.write('\n');
            line.reset();
            if (before.size() > MAX_PREAMBLE) {
                throw new IOException("more than " + MAX_PREAMBLE + " bytes of output before the command started");
            }
        }
    }

    /** {@code kill -SIGNAL -PGID...} on the far side, over a channel of its own; false if that failed. */
    private boolean killGroups(String signal, long... processGroups) {
        if (processGroups.length == 0 || !client.isConnected()) {
            return processGroups.length == 0;
        }
        StringBuilder kill = new StringBuilder("exec /bin/sh -c 'kill -").append(signal);
        for (long pgid : processGroups) {
            kill.append(" -").append(pgid);
        }
        kill.append(" 2>/dev/null; true'");
        try (Session session = client.startSession(); Session.Command k = session.exec(kill.toString())) {
            k.join(KILL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Single-quotes a word for any Bourne-style shell (and csh and fish). */
    static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /**
     * Whether the far side serves SFTP (hardened hosts often disable the subsystem); when it does not, callers can
     * still run commands with {@link #exec}.
     */
    public boolean hasSftp() {
        try {
            sftp();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The remote user's home directory, as the SFTP server canonicalizes {@code "."}. */
    public String home() throws SshException {
        try {
            return sftp().canonicalize(".");
        } catch (IOException e) {
            throw failed("Cannot find the home directory on " + describe(), e);
        }
    }

    /** Whether something exists at {@code remotePath} (symbolic links followed); relative paths are from home. */
    public boolean exists(String remotePath) throws SshException {
        Objects.requireNonNull(remotePath, "remotePath");
        try {
            return sftp().statExistence(remotePath) != null;
        } catch (IOException e) {
            throw failed("Cannot check " + remotePath + " on " + describe(), e);
        }
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
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(remotePath, "remotePath");
        int slash = remotePath.lastIndexOf('/');
        String name = remotePath.substring(slash + 1);
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("remotePath must name a file, got '" + remotePath + "'");
        }
        String dir = slash < 0 ? "" : slash == 0 ? "/" : remotePath.substring(0, slash);
        String temp = (dir.isEmpty() ? "" : dir.endsWith("/") ? dir : dir + "/")
                + "." + name + ".distest-" + HexFormat.of().toHexDigits(RANDOM.nextLong()) + ".part";
        int mode = ownerExecutable(local) ? 0755 : 0644;
        String what = "Cannot upload " + local + " to " + describe() + " as " + remotePath;
        if (!Files.isRegularFile(local)) {
            throw failed(what, new NoSuchFileException(local.toString(), null, "not a regular file"));
        }
        SFTPClient sftp;
        try {
            sftp = sftp();
            if (!dir.isEmpty()) {
                mkdirs(sftp, dir);
            }
        } catch (IOException e) {
            throw failed(what, e);
        }
        try {
            FileAttributes attributes = new FileAttributes.Builder().withPermissions(mode).build();
            try (RemoteFile file = sftp.open(temp, EnumSet.of(OpenMode.WRITE, OpenMode.CREAT, OpenMode.EXCL),
                    attributes);
                    OutputStream out = file.new RemoteFileOutputStream(0, 16);
                    InputStream in = Files.newInputStream(local)) {
                in.transferTo(out);
            }
            sftp.chmod(temp, mode); // open's mode is subject to the far side's umask
            renameOver(sftp, temp, remotePath);
        } catch (IOException e) {
            try {
                sftp.rm(temp);
            } catch (IOException | RuntimeException ignored) {
                // it may never have been created; the failure above is what matters
            }
            throw failed(what, e);
        }
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
                closeQuietly(channel);
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
            // end all commands together: TERM to each process group, one shared grace period, then KILL to the rest
            List<RemoteCommand> running = new ArrayList<>(commands);
            endAll(running, "TERM", Signal.TERM);
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TERM_GRACE_MILLIS);
            running.forEach(c -> c.awaitClose(deadline));
            endAll(running, "KILL", Signal.KILL);
            long killDeadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TERM_GRACE_MILLIS);
            running.forEach(c -> c.awaitClose(killDeadline));
            running.forEach(c -> c.closeChannel(false));
            new ArrayList<>(tunnels).forEach(SshSession::closeQuietly);
            synchronized (this) {
                if (sftp != null) {
                    closeQuietly(sftp);
                }
            }
        } finally {
            closeQuietly(client);
        }
    }

    private void endAll(List<RemoteCommand> commands, String name, Signal signal) {
        List<RemoteCommand> running = commands.stream().filter(RemoteCommand::running).toList();
        if (!running.isEmpty()
                && !killGroups(name, running.stream().mapToLong(RemoteCommand::processGroup).toArray())) {
            running.forEach(c -> c.signalQuietly(signal));
        }
    }

    @Override
    public String toString() {
        return "SshSession[" + describe() + "]";
    }

    // ---------------------------------------------------------------------------------------------- authentication

    private static List<Path> identities(SshConfig.Resolved resolved, SshOptions options) {
        Set<Path> all = new LinkedHashSet<>();
        resolved.identityFiles().forEach(p -> all.add(p.toAbsolutePath().normalize()));
        options.identities().forEach(p -> all.add(p.toAbsolutePath().normalize()));
        return List.copyOf(all);
    }

    private static void authenticate(SSHClient client, String user, String host, int port, List<Path> identities)
            throws SshException {
        List<String> tried = new ArrayList<>();
        boolean disconnected = false;
        for (Path key : identities) {
            if (disconnected) {
                tried.add(key + ": not tried (the server closed the connection)");
                continue;
            }
            if (!Files.exists(key)) {
                tried.add(key + ": absent");
                continue;
            }
            AtomicBoolean askedForPassphrase = new AtomicBoolean();
            KeyProvider provider;
            try {
                provider = client.loadKeys(key.toString(), refusingPassphrases(askedForPassphrase));
                provider.getPrivate(); // decode now, to tell an encrypted key from a rejected one
                provider.getPublic();
            } catch (IOException | RuntimeException e) {
                tried.add(key + (askedForPassphrase.get()
                        ? ": encrypted, skipped (distest does not ask for passphrases and does not use ssh-agent)"
                        : ": unreadable (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")"));
                continue;
            }
            try {
                client.auth(user, new AuthPublickey(provider));
                return;
            } catch (UserAuthException e) {
                tried.add(key + ": rejected by the server");
            } catch (TransportException e) {
                tried.add(key + ": not accepted, the server closed the connection (" + e.getMessage() + ")");
                disconnected = true;
            }
        }
        String where = user + "@" + host + ":" + port;
        StringBuilder message = new StringBuilder("ssh authentication failed for ").append(where).append('.');
        var allowed = client.getUserAuth().getAllowedMethods();
        if (allowed != null && !allowed.isEmpty()) {
            message.append(" The server accepts: ").append(String.join(", ", allowed)).append('.');
        }
        if (tried.isEmpty()) {
            message.append("\nNo identity to try.");
        } else {
            message.append("\nIdentities tried, in order:");
            tried.forEach(t -> message.append("\n  ").append(t));
        }
        message.append("\nAdd a public key to ~/.ssh/authorized_keys of ").append(user).append(" on ").append(host)
                .append(", or name the private key with IdentityFile in the ssh config for that host.");
        throw new SshException(SshException.Reason.AUTHENTICATION_FAILED, message.toString());
    }

    /** A passphrase finder that never gives one; it notes that one was wanted, which marks the key as encrypted. */
    private static PasswordFinder refusingPassphrases(AtomicBoolean asked) {
        return new PasswordFinder() {
            @Override
            public char[] reqPassword(Resource<?> resource) {
                asked.set(true);
                throw new IllegalStateException("passphrase-protected key");
            }

            @Override
            public boolean shouldRetry(Resource<?> resource) {
                return false;
            }
        };
    }

    // ---------------------------------------------------------------------------------------------- messages

    private static SshException unknownHostKey(String host, int port, KnownHostsVerifier verifier, IOException e) {
        var key = verifier.offered();
        String fingerprint = KnownHostsVerifier.sha256Fingerprint(key);
        Path file = verifier.file().toAbsolutePath();
        StringBuilder m = new StringBuilder()
                .append("The ssh host key of ").append(host).append(" port ").append(port)
                .append(" is unknown: ").append(KnownHostsVerifier.typeLabel(key))
                .append(" key fingerprint is ").append(fingerprint)
                .append(", and ").append(verifier.entryName()).append(" is not in ").append(file).append('.');
        if (verifier.writeFailure() != null) {
            m.append("\nAccepting it failed: cannot write ").append(file).append(": ")
                    .append(verifier.writeFailure().getMessage());
        }
        m.append("\nCheck that fingerprint with the host's administrator (on the host: ssh-keygen -lf ")
                .append("/etc/ssh/ssh_host_").append(KnownHostsVerifier.typeLabel(key).toLowerCase())
                .append("_key.pub), then accept the key in one of two ways:")
                .append("\n  ssh-keyscan -p ").append(port).append(' ').append(host).append(" >> ").append(file)
                .append("   (compare first: ssh-keyscan -p ").append(port).append(' ').append(host)
                .append(" | ssh-keygen -lf -)")
                .append("\n  -D").append(ACCEPT_NEW_HOST_KEYS_PROPERTY).append("=true   (adds it to ")
                .append(file).append(" on the next connection; a changed key is never accepted)");
        return new SshException(SshException.Reason.UNKNOWN_HOST_KEY, m.toString(), e);
    }

    private static SshException changedHostKey(String host, int port, KnownHostsVerifier verifier, IOException e) {
        var key = verifier.offered();
        Path file = verifier.file().toAbsolutePath();
        List<Integer> lines = verifier.linesForHost();
        StringBuilder m = new StringBuilder()
                .append("The ssh host key of ").append(host).append(" port ").append(port)
                .append(" has CHANGED: someone may be intercepting the connection (man-in-the-middle attack), or the")
                .append(" host was reinstalled.\nThe host now offers an ")
                .append(KnownHostsVerifier.typeLabel(key)).append(" key with fingerprint ")
                .append(KnownHostsVerifier.sha256Fingerprint(key));
        if (verifier.verdict() == KnownHostsVerifier.Verdict.OTHER_TYPE_KNOWN) {
            m.append(", but ").append(file).append(" knows ").append(verifier.entryName()).append(" only by ")
                    .append(String.join(", ", verifier.knownTypesForHost())).append(" key(s)");
        } else {
            m.append(", which does not match the key for ").append(verifier.entryName()).append(" in ").append(file);
        }
        if (!lines.isEmpty()) {
            m.append(" (line").append(lines.size() > 1 ? "s " : " ")
                    .append(lines.stream().map(String::valueOf).collect(Collectors.joining(", "))).append(')');
        }
        m.append(".\nThe new key is not accepted, not even with -D").append(ACCEPT_NEW_HOST_KEYS_PROPERTY)
                .append("=true. If the change is expected, remove the stale entry: ssh-keygen -R '")
                .append(verifier.entryName()).append("' -f ").append(file)
                .append(", then accept the new key after checking its fingerprint.");
        return new SshException(SshException.Reason.CHANGED_HOST_KEY, m.toString(), e);
    }

    private static SshException cannotConnect(String named, int port, SshOptions options, IOException e) {
        String cause;
        if (e instanceof UnknownHostException) {
            cause = "unknown host (the name does not resolve)";
        } else if (e instanceof ConnectException) {
            cause = e.getMessage() != null && e.getMessage().toLowerCase().contains("refused")
                    ? "connection refused (no ssh server listening on that port?)" : "cannot connect: " + e.getMessage();
        } else if (e instanceof NoRouteToHostException) {
            cause = "no route to host";
        } else if (e instanceof SocketTimeoutException) {
            cause = "no answer within the connect timeout";
        } else if (e instanceof TransportException) {
            cause = "the ssh handshake failed: " + e.getMessage();
        } else {
            cause = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        long seconds = options.connectTimeout().toSeconds();
        String timeout = seconds > 0 ? seconds + " s" : options.connectTimeout().toMillis() + " ms";
        return new SshException(SshException.Reason.CANNOT_CONNECT, "Cannot connect to ssh host " + named + " port "
                + port + " (connect timeout " + timeout + "): " + cause, e);
    }

    private SshException failed(String what, IOException e) {
        if (e instanceof SshException s) {
            return s;
        }
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (!client.isConnected()) {
            detail += " (the connection is lost)";
        }
        return new SshException(SshException.Reason.OPERATION_FAILED, what + ": " + detail, e);
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private void checkOpen() throws SshException {
        if (closed.get()) {
            throw new SshException(SshException.Reason.OPERATION_FAILED, "The ssh session to " + describe()
                    + " is closed");
        }
    }

    private synchronized SFTPClient sftp() throws IOException {
        checkOpen();
        if (sftp == null) {
            try {
                sftp = client.newSFTPClient();
            } catch (IOException e) {
                throw new SshException(SshException.Reason.OPERATION_FAILED, "Cannot start SFTP on " + describe()
                        + " (is the sftp subsystem enabled in its sshd_config?): " + e.getMessage(), e);
            }
        }
        return sftp;
    }

    private static boolean ownerExecutable(Path local) {
        try {
            return Files.getPosixFilePermissions(local).contains(PosixFilePermission.OWNER_EXECUTE);
        } catch (UnsupportedOperationException | IOException e) {
            return Files.isExecutable(local); // not a POSIX file system (Windows): what this user may do
        }
    }

    /** Like {@code mkdir -p}; tolerates another upload creating the same directory at the same time. */
    private static void mkdirs(SFTPClient sftp, String dir) throws IOException {
        List<String> missing = new ArrayList<>();
        String current = dir;
        while (!current.isEmpty() && !current.equals("/")) {
            FileAttributes attributes = sftp.statExistence(current);
            if (attributes != null) {
                if (attributes.getType() != FileMode.Type.DIRECTORY) {
                    throw new IOException(current + " exists and is not a directory");
                }
                break;
            }
            missing.add(0, current);
            int slash = current.lastIndexOf('/');
            current = slash < 0 ? "" : slash == 0 ? "/" : current.substring(0, slash);
        }
        for (String d : missing) {
            try {
                sftp.mkdir(d);
            } catch (SFTPException e) {
                FileAttributes now = sftp.statExistence(d);
                if (now == null || now.getType() != FileMode.Type.DIRECTORY) {
                    throw e;
                }
            }
        }
    }

    private static void renameOver(SFTPClient sftp, String from, String to) throws IOException {
        try {
            sftp.rename(from, to, EnumSet.of(net.schmizz.sshj.sftp.RenameFlags.OVERWRITE));
        } catch (SFTPException e) {
            if (e.getStatusCode() != Response.StatusCode.UNKNOWN) {
                throw e;
            }
            // sshj could not express OVERWRITE to this server (no posix-rename extension, SFTP v3): plain rename,
            // which refuses to replace a file, so remove the old one first (not atomic, but still never half-written)
            if (sftp.statExistence(to) != null) {
                sftp.rm(to);
            }
            sftp.rename(from, to);
        }
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException | RuntimeException ignored) {
            // closing is best effort
        }
    }
}
