package io.distest.worker.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distest.protocol.Attach;
import io.distest.protocol.Attached;
import io.distest.protocol.Challenge;
import io.distest.protocol.FileData;
import io.distest.protocol.FileEntry;
import io.distest.protocol.Message;
import io.distest.protocol.MessageChannel;
import io.distest.protocol.Refused;
import io.distest.protocol.Shutdown;
import io.distest.protocol.SpawnWorker;
import io.distest.protocol.SyncDone;
import io.distest.protocol.SyncManifest;
import io.distest.protocol.SyncRequest;
import io.distest.shared.TokenProof;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worker server against hostile and mistaken clients: refused without running anything, and still serving. */
class ServerTest {
    private static final String TOKEN = RunningServer.TOKEN;

    @TempDir
    Path root;

    private RunningServer running;

    @BeforeEach
    void start() throws IOException {
        running = new RunningServer(RunningServer.options(root));
    }

    @AfterEach
    void stop() throws Exception {
        running.close();
    }

    private String log() {
        return running.log();
    }

    private void awaitLog(String text) throws InterruptedException {
        running.awaitLog(text);
    }

    private MessageChannel connect() throws IOException {
        return running.connect();
    }

    private MessageChannel attached(String session) throws IOException {
        return running.attached(session);
    }

    private boolean anySessionDirectoryNamed(String name) throws IOException {
        try (var paths = Files.walk(root)) {
            return paths.anyMatch(p -> p.getFileName().toString().equals(name));
        }
    }

    @Test
    void refusesAWrongTokenAndLogsIt() throws IOException {
        try (MessageChannel channel = connect()) {
            Refused refused = assertInstanceOf(Refused.class,
                    ClientHandshake.attach(channel, "guess", "s1", Attach.CONTROL));
            assertEquals("wrong token", refused.reason());
        }
        assertTrue(log().contains("refused"), log());
        assertFalse(log().contains("guess"), "the offered token is not logged");
        assertFalse(anySessionDirectoryNamed("s1"), "nothing was set up");
    }

    @Test
    void provesItKnowsTheTokenOverTheClientsNonceAndRefusesAProofReplayedOnAnotherConnection() throws IOException {
        Attach seen;
        try (MessageChannel channel = connect()) {
            Challenge challenge = assertInstanceOf(Challenge.class, channel.receive());
            seen = ClientHandshake.attachFor(challenge, TOKEN, "proved", Attach.CONTROL);
            channel.send(seen);
            Attached attached = assertInstanceOf(Attached.class, channel.receive());
            assertArrayEquals(TokenProof.ofServer(TOKEN, seen.nonce(), challenge.nonce()), attached.proof());
        }
        try (MessageChannel replay = connect()) {
            assertInstanceOf(Challenge.class, replay.receive());
            replay.send(seen); // what a process that held the port once could have kept
            assertEquals("wrong token", assertInstanceOf(Refused.class, replay.receive()).reason());
        }
    }

    @Test
    void refusesAConnectionThatDoesNotStartWithTheToken() throws IOException {
        try (MessageChannel channel = connect()) {
            assertInstanceOf(Challenge.class, channel.receive());
            channel.send(new Shutdown());
            Refused refused = assertInstanceOf(Refused.class, channel.receive());
            assertTrue(refused.reason().contains("expected Attach first"), refused.reason());
        }
    }

    @Test
    void dropsASlowClientThatSendsNothing() throws Exception {
        try (Socket idle = new Socket("127.0.0.1", running.port())) {
            idle.setSoTimeout(5_000);
            DataInputStream in = new DataInputStream(idle.getInputStream());
            in.readFully(new byte[in.readInt()]); // the challenge
            assertEquals(-1, in.read(), "closed after the handshake timeout");
        }
        awaitLog("no token within 500 ms");
    }

    @Test
    void refusesAuthenticatedConnectionsOverTheLimitAndServesTheNextGoodClient() throws Exception {
        List<MessageChannel> open = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                open.add(attached("busy-" + i));
            }
            try (MessageChannel extra = connect()) {
                Refused refused = assertInstanceOf(Refused.class,
                        ClientHandshake.attach(extra, TOKEN, "extra", Attach.CONTROL));
                assertEquals("3 connections are already open", refused.reason());
            }
        } finally {
            for (MessageChannel channel : open) {
                channel.close();
            }
        }
        running.await(() -> {
            try (MessageChannel good = connect()) {
                return ClientHandshake.attach(good, TOKEN, "after-the-flood", Attach.CONTROL) instanceof Attached;
            } catch (IOException e) {
                return false;
            }
        }, "a slot to be free again");
    }

    @Test
    void refusesManifestPathsThatLeaveTheSession() throws IOException {
        for (String path : List.of("../escape.txt", "/etc/passwd", "a/../../b", "a//b", "./a", ".", "a/.")) {
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
        assertFalse(Files.exists(root.resolve("cas").resolve(sha256("hello").substring(0, 2)).resolve(sha256("hello"))),
                "nothing stored");
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
        Path session;
        try (MessageChannel channel = attached("leaving")) {
            channel.send(new SyncManifest(List.of()));
            channel.receive();
            session = Path.of(assertInstanceOf(SyncDone.class, channel.receive()).sessionDirectory());
            assertTrue(Files.isDirectory(session));
        }
        running.await(() -> !Files.exists(session), "the session directory to go");
    }

    @Test
    void aWorkerAskedForBehindTheManifestIsAnsweredOnlyOnceTheSyncHasLaidTheFilesOut() throws Exception {
        try (MessageChannel control = attached("ahead"); MessageChannel worker = connect()) {
            assertInstanceOf(Attached.class, ClientHandshake.attach(worker, TOKEN, "ahead", Attach.WORKER));
            control.send(new SyncManifest(List.of(new FileEntry("project/a.txt", 5, sha256("hello"), false))));
            worker.send(new SpawnWorker("gw0", "java", List.of(), List.of(), "project", Map.of("BAD=NAME", "x"), "t"));
            CompletableFuture<Message> answer = CompletableFuture.supplyAsync(() -> {
                try {
                    return worker.receive();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            assertEquals(new SyncRequest(List.of(0)), control.receive());

            assertThrows(TimeoutException.class, () -> answer.get(300, TimeUnit.MILLISECONDS),
                    "the spawn waits while the sync still waits for content");

            control.send(new FileData(0, "hello".getBytes(StandardCharsets.UTF_8), true));
            assertInstanceOf(SyncDone.class, control.receive());
            Refused refused = assertInstanceOf(Refused.class, answer.get(10, TimeUnit.SECONDS));
            assertTrue(refused.reason().contains("BAD=NAME"), "it was then taken up: " + refused.reason());
        }
    }

    @Test
    void aWorkerAskedForInASessionThatEndsBeforeItsSyncIsRefused() throws Exception {
        MessageChannel control = attached("gone");
        try (MessageChannel worker = connect()) {
            assertInstanceOf(Attached.class, ClientHandshake.attach(worker, TOKEN, "gone", Attach.WORKER));
            worker.send(new SpawnWorker("gw0", "java", List.of(), List.of(), "project", Map.of(), "t"));

            control.close();

            Refused refused = assertInstanceOf(Refused.class, worker.receive());
            assertTrue(refused.reason().contains("ended before its files were synced"), refused.reason());
        }
    }

    private static String sha256(String text) {
        return RunningServer.sha256(text);
    }
}
