package io.distest.maven.gateway.ssh;

import io.distest.maven.gateway.PosixShell;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.connection.channel.direct.Signal;

/**
 * The commands one {@link SshSession} runs on the far side, each in a process group of its own so that ending it
 * ends its children too.
 */
final class RemoteProcesses {
    private static final long TERM_GRACE_MILLIS = 2_000;
    private static final String PID_MARKER = "distest-pid=";
    private static final int MAX_PREAMBLE = 64 * 1024;
    private static final int KILL_TIMEOUT_SECONDS = 10;

    private final SshSession session;
    private final SSHClient client;
    private final Set<RemoteCommand> commands = ConcurrentHashMap.newKeySet();

    RemoteProcesses(SshSession session, SSHClient client) {
        this.session = session;
        this.client = client;
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
    RemoteCommand exec(String command) throws SshException {
        Objects.requireNonNull(command, "command");
        session.checkOpen();
        Session channelSession = null;
        try {
            channelSession = client.startSession();
            Session.Command channel = channelSession.exec(
                    "exec /bin/sh -c 'echo " + PID_MARKER + "$$; exec /bin/sh -c \"$1\"' distest " + PosixShell.quote(command));
            ProcessStart start = readProcessId(channel);
            if (start.pid() < 0) {
                String err = new String(channel.getErrorStream().readNBytes(4096), StandardCharsets.UTF_8).trim();
                throw new SshException(SshException.Reason.OPERATION_FAILED, "Cannot run `" + command + "` on "
                        + session.describe() + ": the far side did not start /bin/sh"
                        + (err.isEmpty() ? "" : " (" + err + ")"));
            }
            RemoteCommand remote = new RemoteCommand(command, session.describe(), channel, start.pid(), start.stdout(),
                    this::killGroups, commands::remove);
            commands.add(remote);
            if (session.isClosed()) { // lost a race with close(): do not leave it running
                remote.close();
                session.checkOpen();
            }
            return remote;
        } catch (IOException e) {
            if (channelSession != null) {
                try {
                    channelSession.close();
                } catch (IOException | RuntimeException ignored) {
                    // the failure above is what matters
                }
            }
            throw session.failed("Cannot run `" + command + "` on " + session.describe(), e);
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
        try (Session killing = client.startSession(); Session.Command k = killing.exec(kill.toString())) {
            k.join(KILL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }


    /** Ends every command still running: TERM to each process group, one shared grace period, then KILL. */
    void endAll() {
        List<RemoteCommand> running = new ArrayList<>(commands);
        signalRunning(running, "TERM", Signal.TERM);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TERM_GRACE_MILLIS);
        running.forEach(c -> c.awaitClose(deadline));
        signalRunning(running, "KILL", Signal.KILL);
        long killDeadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TERM_GRACE_MILLIS);
        running.forEach(c -> c.awaitClose(killDeadline));
        running.forEach(c -> c.closeChannel(false));
    }

    private void signalRunning(List<RemoteCommand> commands, String name, Signal signal) {
        List<RemoteCommand> running = commands.stream().filter(RemoteCommand::running).toList();
        if (!running.isEmpty()
                && !killGroups(name, running.stream().mapToLong(RemoteCommand::processGroup).toArray())) {
            running.forEach(c -> c.signalQuietly(signal));
        }
    }
}
