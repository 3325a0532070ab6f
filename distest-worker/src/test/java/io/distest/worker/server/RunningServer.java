package io.distest.worker.server;

import io.distest.testing.Poll;
import java.time.Duration;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.distest.protocol.Attach;
import io.distest.protocol.Attached;
import io.distest.protocol.MessageChannel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.function.BooleanSupplier;

/** A real {@link Server} on a free loopback port, serving on a thread of this JVM, with its log kept. */
final class RunningServer implements AutoCloseable {
    static final String TOKEN = "the-token";

    final Server server;
    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final Thread serving;

    RunningServer(ServerOptions options) throws IOException {
        server = new Server(options, TOKEN, new PrintStream(logBytes, true, StandardCharsets.UTF_8));
        serving = new Thread(server::serve, "test-server");
        serving.setDaemon(true);
        serving.start();
    }

    static ServerOptions options(Path root) {
        return new ServerOptions("127.0.0.1", 0, root, root.resolve("server.token"), false, 3, 500, 16, 60_000);
    }

    int port() {
        return server.port();
    }

    synchronized String log() {
        return logBytes.toString(StandardCharsets.UTF_8);
    }

    /** The server logs from its own threads, a moment after the client sees the effect. */
    void awaitLog(String text) throws InterruptedException {
        await(() -> log().contains(text), "the log to say \"" + text + "\"");
    }

    void await(BooleanSupplier condition, String what) throws InterruptedException {
        Poll.until(Duration.ofSeconds(10), condition, () -> what + "; log:\n" + log());
    }

    MessageChannel connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", port());
        socket.setSoTimeout(20_000);
        return new MessageChannel(socket.getInputStream(), socket.getOutputStream(), socket);
    }

    MessageChannel attached(String session) throws IOException {
        MessageChannel channel = connect();
        assertInstanceOf(Attached.class, ClientHandshake.attach(channel, TOKEN, session, Attach.CONTROL));
        return channel;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws Exception {
        server.close();
        serving.join(10_000);
    }
}
