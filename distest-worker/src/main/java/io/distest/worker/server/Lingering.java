package io.distest.worker.server;

import io.distest.shared.PrivateFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * A server an ssh build started, kept for the builds after it ({@code --linger}): while it lives, a private state
 * file under its root names its port, its token and its process, so that the next build's ssh connection attaches
 * to this warm JVM instead of starting one. It is the same trust as {@code serve}'s token file: the file is this
 * user's alone ({@code 0600} in a {@code 0700} directory, never written through a link), and the port is on
 * loopback. Once the build that started it has ended, the server lives on while it is busy and for the linger time
 * after; then it withdraws the file, waits a grace moment for a build that read the file just before, and exits.
 */
final class Lingering {
    static final long GRACE_MILLIS = 3_000;
    private static final long PERIOD_MILLIS = 200;

    private final Path stateFile;
    private final String state;
    private final BooleanSupplier busy;
    private final LongSupplier clock;

    /**
     * @param busy whether a build uses the server right now (a session, or a connection that proved the token)
     * @param clock nanoseconds
     */
    Lingering(Path stateFile, int port, String token, BooleanSupplier busy, LongSupplier clock) {
        this.stateFile = stateFile.toAbsolutePath();
        this.state = port + " " + token + " " + ProcessHandle.current().pid() + "\n";
        this.busy = busy;
        this.clock = clock;
    }

    /** Writes the state file (replacing one a server before this one left), private to this user. */
    void advertise() throws IOException {
        Path directory = PrivateFiles.directory(stateFile.getParent(), "the linger directory");
        Path temporary = Files.createTempFile(directory, ".linger", ".tmp", PrivateFiles.mode(PrivateFiles.FILE));
        try {
            try (var channel = Files.newByteChannel(temporary, Set.of(StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS))) {
                channel.write(ByteBuffer.wrap(state.getBytes(StandardCharsets.UTF_8)));
            }
            Files.move(temporary, stateFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Removes the state file if it is still this server's (a newer server may have replaced it). */
    void withdraw() {
        try {
            if (Files.isRegularFile(stateFile, LinkOption.NOFOLLOW_LINKS)
                    && Files.readString(stateFile).equals(state)) {
                Files.delete(stateFile);
            }
        } catch (IOException e) {
            // a file that cannot be read or removed is not this server's to keep
        }
    }

    /**
     * Returns once the server has been idle for {@code lingerMillis} and then for the grace moment, the state file
     * withdrawn; the caller ends the server then. Call it when the build that started the server has ended.
     */
    void awaitIdle(long lingerMillis) throws InterruptedException {
        awaitIdle(lingerMillis, GRACE_MILLIS);
    }

    void awaitIdle(long lingerMillis, long graceMillis) throws InterruptedException {
        long idleSince = clock.getAsLong();
        while (true) {
            TimeUnit.MILLISECONDS.sleep(PERIOD_MILLIS);
            long now = clock.getAsLong();
            if (busy.getAsBoolean()) {
                idleSince = now;
            } else if (now - idleSince >= TimeUnit.MILLISECONDS.toNanos(lingerMillis)) {
                withdraw(); // no new build finds it from now on
                long graceEnd = now + TimeUnit.MILLISECONDS.toNanos(graceMillis);
                boolean used = false;
                while (clock.getAsLong() < graceEnd && !used) {
                    TimeUnit.MILLISECONDS.sleep(PERIOD_MILLIS);
                    used = busy.getAsBoolean();
                }
                if (!used) {
                    return;
                }
                idleSince = clock.getAsLong(); // a build read the file just before: serve it, then linger again
                readvertise();
            }
        }
    }

    private void readvertise() {
        try {
            advertise();
        } catch (IOException e) {
            // it serves the build that came; later ones start a server of their own
        }
    }
}
