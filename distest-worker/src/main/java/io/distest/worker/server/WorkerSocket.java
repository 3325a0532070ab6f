package io.distest.worker.server;

import io.distest.shared.PrivateFiles;
import io.distest.shared.Quietly;
import io.distest.shared.WorkerCommandLine;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Where a worker JVM the server started connects back: a Unix-domain socket in a directory only this user may
 * enter. Not a loopback port: every local account sees a new port in {@code /proc/net/tcp} and could connect
 * before the worker does (or bind the port once it is freed), and so sit between the build and its worker.
 */
final class WorkerSocket implements AutoCloseable {
    /** A socket's path must fit {@code sun_path}: 108 bytes on Linux, 104 on macOS. */
    private static final int MAX_PATH_BYTES = 100;

    private final ServerSocketChannel listener;
    private final Path file;
    /** A private directory made for the socket when the session's path is too long for one, else null. */
    private final Path ownDirectory;

    private WorkerSocket(ServerSocketChannel listener, Path file, Path ownDirectory) {
        this.listener = listener;
        this.file = file;
        this.ownDirectory = ownDirectory;
    }

    /** @param privateDirectory a {@code 0700} directory of this user (the session's) */
    static WorkerSocket open(Path privateDirectory, String workerId) throws IOException {
        Path file = privateDirectory.resolve(workerId + ".sock").toAbsolutePath();
        Path ownDirectory = null;
        if (file.toString().getBytes(StandardCharsets.UTF_8).length > MAX_PATH_BYTES) {
            // made with a fresh random name and 0700 in one step, so no other account can have made it first
            ownDirectory = Files.createTempDirectory("distest-", PrivateFiles.mode(PrivateFiles.DIRECTORY));
            file = ownDirectory.resolve("w.sock");
        }
        ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            Files.deleteIfExists(file);
            listener.bind(UnixDomainSocketAddress.of(file), 1);
            listener.configureBlocking(false);
            return new WorkerSocket(listener, file, ownDirectory);
        } catch (IOException | RuntimeException e) {
            listener.close();
            deleteQuietly(file, ownDirectory);
            throw e;
        }
    }

    /** The worker's {@code connect} argument. */
    String address() {
        return WorkerCommandLine.UNIX_SOCKET + file;
    }

    /**
     * Waits for the worker's connection, then closes the listener: one connection per worker.
     *
     * @param alive whether the worker still runs (one that exited will never connect)
     */
    SocketChannel accept(String workerId, BooleanSupplier alive, long timeoutMillis) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        try (Selector selector = Selector.open()) {
            listener.register(selector, SelectionKey.OP_ACCEPT);
            while (true) {
                selector.select(500);
                selector.selectedKeys().clear();
                SocketChannel channel = listener.accept();
                if (channel != null) {
                    channel.configureBlocking(true);
                    return channel;
                }
                if (!alive.getAsBoolean()) {
                    throw new IOException("worker " + workerId + " exited before connecting");
                }
                if (System.nanoTime() - deadline > 0) {
                    throw new IOException("worker " + workerId + " did not connect within " + timeoutMillis / 1000
                            + " s");
                }
            }
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        Quietly.close(listener);
        deleteQuietly(file, ownDirectory);
    }

    private static void deleteQuietly(Path file, Path directory) {
        try {
            Files.deleteIfExists(file);
            if (directory != null) {
                Files.deleteIfExists(directory);
            }
        } catch (IOException e) {
            // the session's directory goes with the session; a temporary one with the system's clean-up
        }
    }
}
