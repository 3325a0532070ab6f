import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A TCP proxy that makes a slow link out of loopback (this kernel has no netem): every byte is delivered a fixed
 * delay after it was read, and no faster than a given rate, separately per direction. Used by bench/remote.sh in
 * front of a real sshd.
 *
 * <pre>
 * java bench/LatencyProxy.java LISTEN_PORT TARGET_HOST:TARGET_PORT UP_DELAY_MS DOWN_DELAY_MS UP_MBIT DOWN_MBIT
 * </pre>
 *
 * "Up" is client to target. A rate of 0 means unlimited. The proxy listens on 127.0.0.1, prints {@code listening
 * PORT} once it accepts (LISTEN_PORT 0: a free port), and runs until killed. Each chunk read is stamped with the
 * time its last byte would have left a link of that rate (chunks queue behind each other, as on a real link) plus
 * the delay; a writer thread sleeps until then and writes it. Both sockets use TCP_NODELAY, so the proxy adds no
 * batching of its own.
 */
public final class LatencyProxy {
    /** Up to this many chunks in flight per direction: at 64 KiB a chunk, enough for 100 Mbit/s at 150 ms. */
    private static final int QUEUE_CHUNKS = 1024;
    private static final int CHUNK_BYTES = 64 * 1024;

    private record Chunk(byte[] bytes, int length, long deliverAtNanos) {}

    public static void main(String[] args) throws IOException {
        if (args.length != 6) {
            System.err.println("usage: java LatencyProxy.java LISTEN_PORT TARGET_HOST:TARGET_PORT UP_DELAY_MS"
                    + " DOWN_DELAY_MS UP_MBIT DOWN_MBIT   (rate 0: unlimited)");
            System.exit(2);
        }
        int listenPort = Integer.parseInt(args[0]);
        int colon = args[1].lastIndexOf(':');
        if (colon <= 0) {
            System.err.println("LatencyProxy: target must be HOST:PORT, was \"" + args[1] + "\"");
            System.exit(2);
        }
        InetSocketAddress target = new InetSocketAddress(args[1].substring(0, colon),
                Integer.parseInt(args[1].substring(colon + 1)));
        long upDelay = millisToNanos(args[2]);
        long downDelay = millisToNanos(args[3]);
        double upMbit = Double.parseDouble(args[4]);
        double downMbit = Double.parseDouble(args[5]);
        try (ServerSocket server = new ServerSocket(listenPort, 50, InetAddress.getLoopbackAddress())) {
            System.out.println("listening " + server.getLocalPort());
            System.out.flush();
            while (true) {
                Socket client = server.accept();
                Socket upstream = new Socket();
                try {
                    upstream.connect(target, 10_000);
                } catch (IOException e) {
                    System.err.println("LatencyProxy: cannot reach " + args[1] + ": " + e);
                    client.close();
                    continue;
                }
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                // the sockets close once both directions ended (a half-close travels as shutdownOutput)
                AtomicInteger open = new AtomicInteger(2);
                Runnable ended = () -> {
                    if (open.decrementAndGet() == 0) {
                        closeQuietly(client);
                        closeQuietly(upstream);
                    }
                };
                pipe(client, upstream, upDelay, upMbit, "up", ended);
                pipe(upstream, client, downDelay, downMbit, "down", ended);
            }
        }
    }

    private static long millisToNanos(String millis) {
        return Math.round(Double.parseDouble(millis) * 1_000_000);
    }

    /** One direction: a reader that stamps chunks and a writer that delivers them when due. */
    private static void pipe(Socket from, Socket to, long delayNanos, double mbit, String name, Runnable ended)
            throws IOException {
        BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(QUEUE_CHUNKS);
        InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream();
        double nanosPerByte = mbit <= 0 ? 0 : 8_000.0 / mbit; // 1 Mbit/s = 1 bit per 1000 ns
        Thread reader = new Thread(() -> {
            long linkFreeAt = 0; // when the simulated link has sent everything queued so far
            byte[] buffer = new byte[CHUNK_BYTES];
            try {
                while (true) {
                    int n = in.read(buffer);
                    if (n < 0) {
                        break;
                    }
                    long now = System.nanoTime();
                    linkFreeAt = Math.max(now, linkFreeAt) + (long) (n * nanosPerByte);
                    queue.put(new Chunk(Arrays.copyOf(buffer, n), n, linkFreeAt + delayNanos));
                }
            } catch (IOException | InterruptedException e) {
                // the connection ended; the writer closes its side once everything queued is out
            }
            try {
                queue.put(new Chunk(null, -1, System.nanoTime() + delayNanos));
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "proxy-read-" + name);
        Thread writer = new Thread(() -> {
            try {
                while (true) {
                    Chunk chunk = queue.take();
                    long wait;
                    while ((wait = chunk.deliverAtNanos() - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    if (chunk.bytes() == null) {
                        break;
                    }
                    out.write(chunk.bytes(), 0, chunk.length());
                    out.flush();
                }
                to.shutdownOutput();
                ended.run();
            } catch (IOException | InterruptedException e) {
                // the other side is gone: so is the whole connection
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "proxy-write-" + name);
        reader.setDaemon(true);
        writer.setDaemon(true);
        reader.start();
        writer.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
