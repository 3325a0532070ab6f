package io.distest.worker.server;

import io.distest.shared.Quietly;
import io.distest.shared.Threads;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Closes an authenticated connection that has sent nothing for longer than the idle limit while nothing runs
 * for it (no sync under way, no worker alive): a client that attached and went away without closing must not
 * hold a slot for ever. One timer thread serves every connection.
 */
final class IdleWatch implements AutoCloseable {
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(Threads.named("distest-server-idle"));
    private final long idleNanos;
    private final long periodMillis;
    private final PrintStream log;

    IdleWatch(int idleMillis, PrintStream log) {
        this.idleNanos = TimeUnit.MILLISECONDS.toNanos(idleMillis);
        this.periodMillis = Math.max(10, Math.min(1_000, idleMillis / 4));
        this.log = log;
    }

    /**
     * Starts watching {@code socket}; read it through {@link Watched#in()} so that what arrives counts as activity.
     *
     * @param busy whether something runs for this connection right now (then it is never idle)
     */
    Watched watch(Socket socket, String peer, BooleanSupplier busy) throws IOException {
        return new Watched(socket, peer, busy);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    final class Watched implements AutoCloseable {
        private final Socket socket;
        private final String peer;
        private final BooleanSupplier busy;
        private final InputStream in;
        private volatile long lastActivity = System.nanoTime();
        private final ScheduledFuture<?> check;

        private Watched(Socket socket, String peer, BooleanSupplier busy) throws IOException {
            this.socket = socket;
            this.peer = peer;
            this.busy = busy;
            this.in = new FilterInputStream(socket.getInputStream()) {
                @Override
                public int read() throws IOException {
                    return noted(super.read());
                }

                @Override
                public int read(byte[] bytes, int offset, int length) throws IOException {
                    return noted(super.read(bytes, offset, length));
                }
            };
            this.check = timer.scheduleWithFixedDelay(this::check, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
        }

        InputStream in() {
            return in;
        }

        private int noted(int result) {
            lastActivity = System.nanoTime();
            return result;
        }

        private void check() {
            if (busy.getAsBoolean()) {
                lastActivity = System.nanoTime(); // idleness counts from when the work ended
                return;
            }
            if (System.nanoTime() - lastActivity > idleNanos) {
                log.println("distest server: closed the connection from " + peer + ": idle for more than "
                        + TimeUnit.NANOSECONDS.toMillis(idleNanos) + " ms");
                close();
                Quietly.close(socket);
            }
        }

        @Override
        public void close() {
            if (check != null) { // null only if the first check ran before the constructor finished
                check.cancel(false);
            }
        }
    }
}
