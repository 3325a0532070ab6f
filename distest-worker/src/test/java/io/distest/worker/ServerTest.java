package io.distest.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distest.protocol.Attach;
import io.distest.protocol.Attached;
import io.distest.protocol.FileData;
import io.distest.protocol.FileEntry;
import io.distest.protocol.Message;
import io.distest.protocol.MessageChannel;
import io.distest.protocol.Protocol;
import io.distest.protocol.Refused;
import io.distest.protocol.Shutdown;
import io.distest.protocol.SyncDone;
import io.distest.protocol.SyncManifest;
import io.distest.protocol.SyncRequest;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worker server against hostile and mistaken clients: refused without running anything, and still serving. */
class ServerTest {
    private static final String TOKEN = "the-token";

    @TempDir
    Path root;

    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private Server server;

    @BeforeEach
    void start() throws IOException {
        ServerOptions options = new ServerOptions("127.0.0.1", 0, root, root.resolve("server.token"), false, 3, 500);
        server = new Server(options, TOKEN, new PrintStream(logBytes, true, StandardCharsets.UTF_8));
        Thread serving = new Thread(server::serve);
        serving.setDaemon(true);
        serving.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    private String log() {
        return logBytes.toString(StandardCharsets.UTF_8);
    }

    /** The server logs from its own threads, a moment after the client sees the effect. */
    private void awaitLog(String text) throws InterruptedException {
        for (int i = 0; i < 50 && !log().contains(text); i++) {
            Thread.sleep(50);
        }
        assertTrue(log().contains(text), log());
    }

    private MessageChannel connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", server.port());
        return new MessageChannel(socket.getInputStream(), socket.getOutputStream(), socket);
    }

    private MessageChannel attached(String session) throws IOException {
        MessageChannel channel = connect();
        channel.send(new Attach(Protocol.VERSION, TOKEN, session, Attach.CONTROL));
        assertInstanceOf(Attached.class, channel.receive());
        return channel;
    }

    @Test
    void refusesAWrongTokenAndLogsIt() throws IOException {
        try (MessageChannel channel = connect()) {
            channel.send(new Attach(Protocol.VERSION, "guess", "s1", Attach.CONTROL));
            Refused refused = assertInstanceOf(Refused.class, channel.receive());
            assertEquals("wrong token", refused.reason());
        }
        assertTrue(log().contains("refused"), log());
        assertFalse(log().contains("guess"), "the offered token is not logged");
        assertFalse(Files.exists(root.resolve("sessions/s1")), "nothing was set up");
    }

    @Test
    void refusesAConnectionThatDoesNotStartWithTheToken() throws IOException {
        try (MessageChannel channel = connect()) {
            channel.send(new Shutdown());
            Refused refused = assertInstanceOf(Refused.class, channel.receive());
            assertTrue(refused.reason().contains("expected Attach first"), refused.reason());
        }
    }

    @Test
    void dropsASlowClientThatSendsNothing() throws Exception {
        try (Socket idle = new Socket("127.0.0.1", server.port())) {
            idle.setSoTimeout(5_000);
            assertEquals(-1, idle.getInputStream().read(), "closed after the handshake timeout");
        }
        awaitLog("ended");
    }

    @Test
    void refusesConnectionsOverTheLimitAndServesTheNextGoodClient() throws Exception {
        List<Socket> flood = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                flood.add(new Socket("127.0.0.1", server.port()));
            }
            Thread.sleep(200);
            try (Socket extra = new Socket("127.0.0.1", server.port())) {
                extra.setSoTimeout(5_000);
                assertEquals(-1, extra.getInputStream().read(), "over the limit: closed at once");
            }
            awaitLog("connections are already open");
        } finally {
            for (Socket socket : flood) {
                socket.close();
            }
        }
        Thread.sleep(700); // the flood's handshakes time out and free their slots
        try (MessageChannel good = attached("after-the-flood")) {
            good.send(new SyncManifest(List.of()));
            assertEquals(new SyncRequest(List.of()), good.receive());
            assertInstanceOf(SyncDone.class, good.receive());
        }
    }

    @Test
    void refusesManifestPathsThatLeaveTheSession() throws IOException {
        for (String path : List.of("../escape.txt", "/etc/passwd", "a/../../b", "a//b", "./a")) {
            try (MessageChannel channel = attached("paths-" + Math.abs(path.hashCode()))) {
                channel.send(new SyncManifest(List.of(new FileEntry(path, 1, sha256("x"), false))));
                Message answer = channel.receive();
                Refused refused = assertInstanceOf(Refused.class, answer, path);
                assertTrue(refused.reason().contains("manifest refused"), refused.reason());
            }
        }
        assertFalse(Files.exists(root.resolve("escape.txt")));
    }

    @Test
    void refusesContentThatDoesNotMatchItsHashAndStoresNothing() throws IOException {
        try (MessageChannel channel = attached("hash")) {
            channel.send(new SyncManifest(List.of(new FileEntry("project/a.txt", 5, sha256("hello"), false))));
            assertEquals(new SyncRequest(List.of(0)), channel.receive());
            channel.send(new FileData(0, "HELLO".getBytes(StandardCharsets.UTF_8), true));
            Refused refused = assertInstanceOf(Refused.class, channel.receive());
            assertTrue(refused.reason().contains("does not match"), refused.reason());
        }
        assertFalse(Files.exists(root.resolve("cas").resolve(sha256("hello").substring(0, 2))), "nothing stored");
    }

    @Test
    void sendsOnlyMissingContentAndLaysOutTheSession() throws IOException {
        try (MessageChannel channel = attached("layout")) {
            FileEntry a = new FileEntry("project/src/a.txt", 5, sha256("hello"), false);
            FileEntry b = new FileEntry("project/src/copy-of-a.txt", 5, sha256("hello"), true);
            channel.send(new SyncManifest(List.of(a, b)));
            assertEquals(new SyncRequest(List.of(0)), channel.receive(), "the same content travels once");
            channel.send(new FileData(0, "hello".getBytes(StandardCharsets.UTF_8), true));
            SyncDone done = assertInstanceOf(SyncDone.class, channel.receive());
            Path session = Path.of(done.sessionDirectory());
            assertEquals("hello", Files.readString(session.resolve("project/src/copy-of-a.txt")));
            assertTrue(Files.isExecutable(session.resolve("project/src/copy-of-a.txt")));

            channel.send(new SyncManifest(List.of(a)));
            assertEquals(new SyncRequest(List.of()), channel.receive(), "cached content is not asked for again");
            assertInstanceOf(SyncDone.class, channel.receive());
        }
    }

    @Test
    void removesTheSessionDirectoryWhenTheClientLeaves() throws Exception {
        try (MessageChannel channel = attached("leaving")) {
            channel.send(new SyncManifest(List.of()));
            channel.receive();
            channel.receive();
            assertTrue(Files.isDirectory(root.resolve("sessions/leaving")));
        }
        Thread.sleep(500);
        assertFalse(Files.exists(root.resolve("sessions/leaving")));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
