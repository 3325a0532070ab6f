package io.distest.maven.gateway.ssh;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import net.schmizz.sshj.connection.ConnectionException;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.connection.channel.direct.Signal;

/**
 * A command running on the far side of an {@link SshSession}, on its own ssh session channel (no pty, so stdout
 * and stderr stay apart and bytes pass unchanged).
 *
 * <h2>How the far-side processes end</h2>
 * sshd does <em>not</em> end a command when its channel closes or its connection drops (without a pty nothing
 * sends SIGHUP): it only closes the command's stdin, stdout and stderr. So:
 * <ul>
 *   <li>{@link #close()} (also called for every open command by {@link SshSession#close()}) kills the command's
 *       process group on the far side: TERM, up to two seconds' grace, then KILL, then the channel is closed. sshd
 *       makes every session's command a session and process-group leader, and {@link SshSession#exec} starts the
 *       command so that its process id is known (see there); the kill is a separate {@code kill -TERM -PGID} sent
 *       over the same connection, which reaches the command and every child it started (unless one made its own
 *       process group). The ssh {@code signal} channel request is only a fallback: OpenSSH refuses it for root
 *       logins ("session signalling requires privilege separation").</li>
 *   <li>When the connection is lost instead (the build is killed, the network goes away), nothing can be sent:
 *       the command sees EOF on its stdin and must exit by itself. The distest worker does.</li>
 * </ul>
 *
 * <p>Read {@link #stdout()} and {@link #stderr()} while the command runs: ssh flow control stops the far side
 * when a stream's window fills up.
 */
public final class RemoteCommand implements Closeable {

    private static final long GRACE_MILLIS = 2_000;

    /** Sends a signal to far-side process groups over the session; false when that could not be done. */
    interface GroupKiller {
        boolean kill(String signal, long... processGroups);
    }

    private final String command;
    private final String where;
    private final Session.Command channel;
    private final long processGroup;
    private final InputStream stdout;
    private final GroupKiller killer;
    private final Consumer<RemoteCommand> onClose;
    private final AtomicBoolean closed = new AtomicBoolean();

    RemoteCommand(String command, String where, Session.Command channel, long processGroup, InputStream stdout,
            GroupKiller killer, Consumer<RemoteCommand> onClose) {
        this.command = Objects.requireNonNull(command, "command");
        this.where = Objects.requireNonNull(where, "where");
        this.channel = Objects.requireNonNull(channel, "channel");
        this.processGroup = processGroup;
        this.stdout = Objects.requireNonNull(stdout, "stdout");
        this.killer = Objects.requireNonNull(killer, "killer");
        this.onClose = Objects.requireNonNull(onClose, "onClose");
    }

    /** The command line as the caller gave it. */
    public String command() {
        return command;
    }

    /** The far-side process id of the command, which is also its process group id. */
    public long processId() {
        return processGroup;
    }

    /** The command's standard input; closing it sends EOF. */
    public OutputStream stdin() {
        return channel.getOutputStream();
    }

    /** The command's standard output. */
    public InputStream stdout() {
        return stdout;
    }

    /** The command's standard error. */
    public InputStream stderr() {
        return channel.getErrorStream();
    }

    /** The exit status once the command has ended and the server said so; {@code null} until then or if unknown. */
    public Integer exitStatus() {
        return channel.getExitStatus();
    }

    /** The signal that ended the command (such as {@code TERM}), when the server reported one. */
    public Optional<String> exitSignal() {
        Signal s = channel.getExitSignal();
        return s == null ? Optional.empty() : Optional.of(s.name());
    }

    /** Whether the channel is still open: the command runs, or its output has not all arrived. */
    public boolean isOpen() {
        return channel.isOpen();
    }

    /**
     * Waits until the command has ended and its channel closed.
     *
     * @return whether it ended within {@code timeout}
     */
    public boolean waitFor(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        awaitClose(System.nanoTime() + timeout.toNanos());
        return !channel.isOpen();
    }

    /**
     * Ends the far-side command and the processes it started if it still runs (TERM, then KILL after two seconds),
     * and closes the channel. Idempotent.
     */
    @Override
    public void close() {
        if (running()) {
            signal("TERM");
            awaitClose(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GRACE_MILLIS));
            if (running()) {
                signal("KILL");
                awaitClose(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GRACE_MILLIS));
            }
        }
        closeChannel();
    }

    /**
     * Lets the command outlive this connection: its standard input ends, and it is no longer ended with the
     * session (a worker server that lingers for the next build; it decides itself when to exit). Idempotent.
     */
    public void release() {
        try {
            channel.getOutputStream().close();
        } catch (IOException | RuntimeException e) {
            // the connection is gone: the far side sees the end of its input either way
        }
        if (closed.compareAndSet(false, true)) {
            onClose.accept(this);
        }
    }

    @Override
    public String toString() {
        return "`" + command + "` (pid " + processGroup + ") on " + where;
    }

    // the steps of close(), also used by SshSession to end several commands together

    boolean running() {
        return !closed.get() && channel.isOpen() && channel.getExitStatus() == null && channel.getExitSignal() == null;
    }

    long processGroup() {
        return processGroup;
    }

    private void signal(String name) {
        if (!killer.kill(name, processGroup)) {
            signalQuietly(Signal.valueOf(name));
        }
    }

    /** The ssh {@code signal} request: delivered by OpenSSH 7.9+ for non-root logins only. */
    void signalQuietly(Signal signal) {
        try {
            channel.signal(signal);
        } catch (IOException | RuntimeException e) {
            // the connection is gone: nothing more can be sent; the command sees stdin EOF
        }
    }

    void awaitClose(long deadlineNanos) {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0 || !channel.isOpen()) {
            return;
        }
        try {
            channel.join(left, TimeUnit.NANOSECONDS);
        } catch (ConnectionException e) {
            // timed out, or the connection failed: the caller decides what comes next
        }
    }

    /**
     * Closes the channel. sshd answers a close only once the command has exited, so closing a channel whose
     * command still runs waits for sshj's channel timeout; {@link SshSession#close()} skips that (the disconnect
     * that follows ends the channel anyway) by passing {@code false}.
     */
    void closeChannel(boolean evenIfRunning) {
        if (!evenIfRunning && running()) {
            if (closed.compareAndSet(false, true)) {
                onClose.accept(this);
            }
            return;
        }
        closeChannel();
    }

    void closeChannel() {
        if (closed.compareAndSet(false, true)) {
            try {
                channel.close();
            } catch (IOException | RuntimeException e) {
                // already closed by the far side, or the connection is gone
            } finally {
                onClose.accept(this);
            }
        }
    }
}
