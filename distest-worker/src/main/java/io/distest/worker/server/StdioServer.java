package io.distest.worker.server;

import io.distest.protocol.Mux;
import io.distest.shared.Quietly;
import io.distest.shared.Threads;
import io.distest.shared.WorkerCommandLine;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * {@code serve --stdio}: a worker server reached only through this process's standard input and output, as the
 * {@code exec=} gateway starts it through any command ({@code ssh -T host}, {@code kubectl exec -i}, {@code sudo}).
 *
 * <p>It prints {@link Mux#READY_LINE}, reads the token from the first line of standard input (never from the
 * command line), then carries the plugin's connections as {@link Mux} channels. Each channel is handed to an
 * ordinary {@link Server} on a loopback port of its own, so every guarantee of {@code serve} holds here too: the
 * token on every connection, the limits, the verified read-only cache, fresh session directories. Nothing else
 * may write to standard output: {@code System.out} is pointed at standard error first thing, and worker JVMs
 * write to their log files. When standard input ends, the server and its workers end.
 */
final class StdioServer {
    private static final int MAX_TOKEN_BYTES = 4096;

    private StdioServer() {}

    /**
     * @param options {@code --bind} and {@code --port} are ignored: the server listens on a free loopback port
     * @param protocolOut the real standard output; nothing but frames goes there after the ready line
     */
    static int run(ServerOptions options, InputStream stdin, OutputStream protocolOut, PrintStream err) {
        System.setOut(err); // a stray println anywhere in this JVM must not corrupt the frames
        try {
            protocolOut.write((Mux.READY_LINE + "\n").getBytes(StandardCharsets.UTF_8));
            protocolOut.flush();
            ServeCommand.warmUp(); // while the client sends the token and opens its first channel
            String token = readLine(stdin);
            if (token == null || token.isBlank()) {
                err.println("distest server: no token on the first line of standard input");
                return WorkerCommandLine.EXIT_USAGE;
            }
            ServerOptions loopback = new ServerOptions("127.0.0.1", 0, options.root(), options.tokenFile(), true,
                    options.maxConnections(), options.handshakeMillis(), options.maxUnauthenticated(),
                    options.idleMillis());
            Server server = new Server(loopback, token.strip(), err);
            Threads.start(server::serve, "distest-server-admission");
            Mux mux = new Mux(new BufferedInputStream(stdin, 64 * 1024), protocolOut, () -> { }, "the build",
                    channel -> bridge(channel, server.port(), err), options.maxConnections() + 1);
            mux.start();
            IOException why = mux.ended().join();
            err.println("distest server: standard input ended (" + (why == null ? "closed" : why.getMessage())
                    + "); stopping");
            server.close();
            return 0;
        } catch (IOException e) {
            err.println("distest server: " + e.getMessage());
            return 1;
        }
    }

    /** Joins one channel to a new loopback connection to the server, byte for byte, until either side ends. */
    private static void bridge(Mux.Channel channel, int port, PrintStream err) {
        Threads.start(() -> {
            try (Socket socket = new Socket()) {
                socket.setTcpNoDelay(true);
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
                Thread up = pump(socket.getInputStream(), channel.out(), socket, channel, "up");
                pump(channel.in(), socket.getOutputStream(), socket, channel, "down").join();
                up.join(5_000);
            } catch (IOException e) {
                err.println("distest server: channel to the server failed: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                channel.close();
            }
        }, "distest-stdio-bridge");
    }

    private static Thread pump(InputStream from, OutputStream to, Socket socket, Mux.Channel channel, String direction) {
        Thread thread = Threads.start(() -> {
            try {
                byte[] buffer = new byte[Mux.MAX_DATA];
                for (int n = from.read(buffer); n >= 0; n = from.read(buffer)) {
                    to.write(buffer, 0, n);
                    to.flush();
                }
            } catch (IOException ignored) {
                // one side ended
            } finally {
                channel.close();
                Quietly.close(socket);
            }
        }, "distest-stdio-" + direction);
        return thread;
    }

    /** One line, read a byte at a time so that nothing after it is taken from the stream. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
            }
            if (line.size() >= MAX_TOKEN_BYTES) {
                throw new IOException("the first line of standard input is longer than " + MAX_TOKEN_BYTES + " bytes");
            }
            line.write(b);
        }
        return line.toString(StandardCharsets.UTF_8);
    }
}
