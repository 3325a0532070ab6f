package io.distest.worker.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distest.protocol.Attach;
import io.distest.protocol.Attached;
import io.distest.protocol.Challenge;
import io.distest.protocol.Configure;
import io.distest.protocol.FileData;
import io.distest.protocol.FileEntry;
import io.distest.protocol.Message;
import io.distest.protocol.MessageChannel;
import io.distest.protocol.MessageCodec;
import io.distest.protocol.Protocol;
import io.distest.protocol.Refused;
import io.distest.protocol.SpawnWorker;
import io.distest.protocol.SyncDone;
import io.distest.protocol.SyncManifest;
import io.distest.protocol.SyncRequest;
import io.distest.shared.TokenProof;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worker server attacked on loopback by clients that do not hold the token (raw sockets) and by ones that do
 * but misbehave: each attack is refused or contained, honest builds still get in, and the server keeps serving.
 */
class HostileClientTest {
    private static final long MiB = 1024 * 1024;

    @TempDir
    Path root;

    private RunningServer running;
    private final List<Socket> sockets = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (Socket socket : sockets) {
            socket.close();
        }
        if (running != null) {
            running.close();
        }
    }

    private RunningServer start(int maxConnections, int handshakeMillis, int maxUnauthenticated, int idleMillis)
            throws IOException {
        running = new RunningServer(new ServerOptions("127.0.0.1", 0, root, root.resolve("server.token"), false,
                maxConnections, handshakeMillis, maxUnauthenticated, idleMillis));
        return running;
    }

    private Socket raw() throws IOException {
        Socket socket = new Socket("127.0.0.1", running.port());
        socket.setSoTimeout(20_000);
        sockets.add(socket);
        DataInputStream challenge = new DataInputStream(socket.getInputStream()); // the server speaks first
        challenge.readFully(new byte[challenge.readInt()]);
        return socket;
    }

    private static byte[] frame(byte[] payload) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(payload.length);
        out.write(payload);
        return bytes.toByteArray();
    }

    private static long heapUsedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** An honest build: attach, sync one file, see it laid out. */
    private void assertAnHonestBuildGetsIn(String session) throws IOException {
        try (MessageChannel channel = running.attached(session)) {
            channel.send(new SyncManifest(List.of(new FileEntry("project/a.txt", 5, RunningServer.sha256("hello"), false))));
            Message request = channel.receive();
            if (request instanceof SyncRequest r && !r.missing().isEmpty()) {
                channel.send(new FileData(0, "hello".getBytes(StandardCharsets.UTF_8), true));
            }
            SyncDone done = assertInstanceOf(SyncDone.class, channel.receive());
            assertEquals("hello", Files.readString(Path.of(done.sessionDirectory()).resolve("project/a.txt")));
        }
    }

    // ---- before authentication ----

    @Test
    void holdsHeapGrowthUnder32MiBWhile40ClientsAnnounce16MiBFrames() throws Exception {
        start(64, 10_000, 256, 60_000);
        long before = heapUsedAfterGc();
        for (int i = 0; i < 40; i++) {
            OutputStream out = raw().getOutputStream();
            new DataOutputStream(out).writeInt(Protocol.MAX_FRAME_BYTES);
            out.write(new byte[1024]); // and then nothing: the rest never comes
            out.flush();
        }
        running.await(() -> running.log().lines().filter(l -> l.contains("a first frame of")).count() == 40,
                "all 40 to be refused");
        long growth = heapUsedAfterGc() - before;
        assertTrue(growth < 32 * MiB, "heap grew by " + growth / MiB + " MiB with 40 connections open");
        assertAnHonestBuildGetsIn("after-the-announcements");
    }

    @Test
    void refusesABigFirstFrameWithoutDecodingIt() throws Exception {
        start(64, 10_000, 256, 60_000);
        Map<String, String> big = new HashMap<>();
        for (int i = 0; i < 100_000; i++) {
            big.put("key-" + i, "value-" + i);
        }
        byte[] payload = new MessageCodec().encode(new Configure(List.of(), List.of(), big));
        Socket socket = raw();
        socket.getOutputStream().write(frame(payload), 0, 4 + 1024); // the server must not wait for the rest
        try (MessageChannel channel = new MessageChannel(socket.getInputStream(), socket.getOutputStream(), socket)) {
            Refused refused = assertInstanceOf(Refused.class, channel.receive());
            assertEquals("a first frame of " + payload.length + " bytes; an Attach takes at most 4096", refused.reason());
        }
    }

    @Test
    void aDeeplyNestedFirstFrameIsOneLogLineAndTheServerServesOn() throws Exception {
        start(64, 10_000, 256, 60_000);
        for (int depth : new int[] {1_000, 100_000}) {
            ByteArrayOutputStream payload = new ByteArrayOutputStream();
            payload.write(13 + 2); // Configure, then lists inside lists
            for (int i = 0; i < depth; i++) {
                payload.write(41 + 2);
                payload.write(1);
            }
            Socket socket = raw();
            try {
                socket.getOutputStream().write(frame(payload.toByteArray()));
            } catch (IOException e) {
                // refused before all of it was sent
            }
            if (depth == 1_000) { // fits the first-frame limit: refused by type, without decoding the lists
                try (MessageChannel channel = new MessageChannel(socket.getInputStream(), socket.getOutputStream(), socket)) {
                    Refused refused = assertInstanceOf(Refused.class, channel.receive());
                    assertEquals("expected Attach first, got Configure", refused.reason());
                }
            }
        }
        running.await(() -> running.log().lines().filter(l -> l.contains("refused")).count() == 2, "two refusals");
        String log = running.log();
        assertFalse(log.contains("StackOverflowError") || log.contains("\tat "), log);
        assertEquals(2, log.lines().count(), "one line per connection:\n" + log);
        assertAnHonestBuildGetsIn("after-the-nesting");
    }

    @Test
    void dropsATokenTrickledOneByteAtATimeAtTheHandshakeDeadline() throws Exception {
        start(64, 500, 256, 60_000);
        Socket socket = raw();
        byte[] attach = frame(new MessageCodec().encode(ClientHandshake.attachFor(new Challenge(TokenProof.nonce()),
                RunningServer.TOKEN, "slow", Attach.CONTROL)));
        AtomicInteger sent = new AtomicInteger();
        Thread trickle = new Thread(() -> {
            try {
                for (byte b : attach) {
                    socket.getOutputStream().write(b);
                    socket.getOutputStream().flush();
                    sent.incrementAndGet();
                    Thread.sleep(100); // each byte well within any per-read limit
                }
            } catch (IOException | InterruptedException e) {
                // dropped by the server, as it should be
            }
        });
        trickle.start();
        try {
            int first = socket.getInputStream().read();
            assertEquals(-1, first, "closed without a word");
        } catch (IOException e) {
            // a reset is as good as a close
        }
        assertTrue(sent.get() < attach.length, "dropped after " + sent.get() + " of " + attach.length + " bytes");
        trickle.interrupt();
        trickle.join();
        running.awaitLog("no token within 500 ms");
    }

    @Test
    void admitsAnHonestBuildWhile200SlowlorisConnectionsAreOpen() throws Exception {
        start(64, ServerOptions.DEFAULT_HANDSHAKE_MILLIS, ServerOptions.DEFAULT_MAX_UNAUTHENTICATED, 60_000);
        for (int i = 0; i < 200; i++) {
            raw().getOutputStream().write(new byte[] {0, 0}); // half a length, and then nothing
        }
        running.await(() -> running.server.unauthenticated() == 200, "200 connections waiting");
        assertAnHonestBuildGetsIn("while-slowloris");
    }

    @Test
    void dropsTheLongestWaitingUnauthenticatedConnectionWhenTheCapIsReached() throws Exception {
        start(64, ServerOptions.DEFAULT_HANDSHAKE_MILLIS, 20, 60_000);
        for (int i = 0; i < 200; i++) {
            raw().getOutputStream().write(new byte[] {0, 0});
        }
        running.await(() -> running.log().lines().filter(l -> l.contains("had waited longest")).count() == 180,
                "180 of 200 dropped");
        assertTrue(running.server.unauthenticated() <= 20, "at most the cap waits");
        assertAnHonestBuildGetsIn("past-the-cap");
        assertEquals(-1, readOrEnd(sockets.get(0)), "the first slowloris connection was dropped");
    }

    private static int readOrEnd(Socket socket) {
        try {
            return socket.getInputStream().read();
        } catch (IOException e) {
            return -1;
        }
    }

    // ---- after authentication ----

    @Test
    void closesAnAuthenticatedConnectionThatStaysIdle() throws Exception {
        start(64, 10_000, 256, 300);
        try (MessageChannel channel = running.attached("idle")) {
            assertThrows(IOException.class, channel::receive, "closed by the server");
        }
        running.awaitLog("idle for more than 300 ms");
    }

    @Test
    void aRefusedSpawnLeavesNoOpenFileBehind() throws Exception {
        start(64, 10_000, 256, 60_000);
        try (MessageChannel control = running.attached("leak")) {
            control.send(new SyncManifest(List.of()));
            control.receive();
            control.receive();
            spawnWithBadEnvironment(); // warms up whatever the first one opens for good (classes, the JDK's own)
            long before = openFiles();
            for (int i = 0; i < 30; i++) {
                spawnWithBadEnvironment();
            }
            long after = openFiles();
            assertTrue(after - before < 10, "open files went from " + before + " to " + after + " for 30 refused spawns");
        }
    }

    private void spawnWithBadEnvironment() throws IOException {
        try (MessageChannel worker = running.connect()) {
            assertInstanceOf(Attached.class, ClientHandshake.attach(worker, RunningServer.TOKEN, "leak", Attach.WORKER));
            worker.send(new SpawnWorker("gw0", "java", List.of(), List.of(), "project", Map.of("BAD=NAME", "x"), "t"));
            Refused refused = assertInstanceOf(Refused.class, worker.receive());
            assertTrue(refused.reason().contains("BAD=NAME"), refused.reason());
        }
    }

    private static long openFiles() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    @Test
    void refusesToWriteThroughALinkInsideTheSession() throws Exception {
        start(64, 10_000, 256, 60_000);
        Path elsewhere = Files.createDirectory(root.resolve("elsewhere"));
        try (MessageChannel channel = running.attached("links")) {
            channel.send(new SyncManifest(List.of()));
            channel.receive();
            Path session = Path.of(assertInstanceOf(SyncDone.class, channel.receive()).sessionDirectory());
            Files.createDirectories(session.resolve("project"));
            Files.createSymbolicLink(session.resolve("project/lib"), elsewhere); // as a test in the session could

            channel.send(new SyncManifest(List.of(new FileEntry("project/lib/a.txt", 5, RunningServer.sha256("hello"), false))));
            Message answer = channel.receive();
            if (answer instanceof SyncRequest) {
                channel.send(new FileData(0, "hello".getBytes(StandardCharsets.UTF_8), true));
                answer = channel.receive();
            }
            Refused refused = assertInstanceOf(Refused.class, answer);
            assertTrue(refused.reason().contains("symbolic link"), refused.reason());
        }
        try (Stream<Path> files = Files.list(elsewhere)) {
            assertEquals(0, files.count(), "nothing was written through the link");
        }
    }

    @Test
    void neverReusesASessionDirectoryPlantedBeforeTheSessionOpens() throws Exception {
        start(64, 10_000, 256, 60_000);
        Path elsewhere = Files.createDirectory(root.resolve("elsewhere"));
        Path sessions;
        try (Stream<Path> runs = Files.list(root.resolve("run"))) {
            sessions = runs.findFirst().orElseThrow().resolve("sessions");
        }
        Files.createDirectories(sessions.resolve("planted/project"));
        Files.createSymbolicLink(sessions.resolve("planted/project/lib"), elsewhere);

        try (MessageChannel channel = running.attached("planted")) {
            channel.send(new SyncManifest(List.of(new FileEntry("project/lib/a.txt", 5, RunningServer.sha256("hello"), false))));
            assertInstanceOf(SyncRequest.class, channel.receive());
            channel.send(new FileData(0, "hello".getBytes(StandardCharsets.UTF_8), true));
            SyncDone done = assertInstanceOf(SyncDone.class, channel.receive());
            Path synced = Path.of(done.sessionDirectory()).resolve("project/lib/a.txt");
            assertEquals("hello", Files.readString(synced));
            assertFalse(Files.isSymbolicLink(synced.getParent()), "a fresh directory, not the planted link");
        }
        try (Stream<Path> files = Files.list(elsewhere)) {
            assertEquals(0, files.count(), "nothing was written through the planted link");
        }
    }

    // ---- the content store ----

    @Test
    void aPlantedCacheEntryNeverReachesABuild() throws Exception {
        start(64, 10_000, 256, 60_000);
        String hash = RunningServer.sha256("hello");
        Path planted = root.resolve("cas").resolve(hash.substring(0, 2)).resolve(hash);
        Files.createDirectories(planted.getParent());
        Files.writeString(planted, "EVIL!");

        try (MessageChannel channel = running.attached("planted")) {
            channel.send(new SyncManifest(List.of(new FileEntry("project/a.txt", 5, hash, false))));
            assertEquals(new SyncRequest(List.of(0)), channel.receive(), "the planted entry is not trusted");
            channel.send(new FileData(0, "hello".getBytes(StandardCharsets.UTF_8), true));
            SyncDone done = assertInstanceOf(SyncDone.class, channel.receive());
            assertEquals("hello", Files.readString(Path.of(done.sessionDirectory()).resolve("project/a.txt")));
        }
        assertTrue(running.log().contains("discarded cache entry " + hash), running.log());
        assertEquals("hello", Files.readString(planted));
    }

    @Test
    void aCacheEntryChangedInPlaceIsDiscardedAndFetchedAgain() throws Exception {
        start(64, 10_000, 256, 60_000);
        String hash = RunningServer.sha256("hello");
        assertAnHonestBuildGetsIn("first");
        Path stored = root.resolve("cas").resolve(hash.substring(0, 2)).resolve(hash);
        Files.writeString(stored, "EVIL!"); // we are root here: a read-only mode does not stop us

        try (MessageChannel channel = running.attached("second")) {
            channel.send(new SyncManifest(List.of(new FileEntry("project/a.txt", 5, hash, false))));
            assertEquals(new SyncRequest(List.of(0)), channel.receive(), "the changed entry is fetched again");
            channel.send(new FileData(0, "hello".getBytes(StandardCharsets.UTF_8), true));
            SyncDone done = assertInstanceOf(SyncDone.class, channel.receive());
            assertEquals("hello", Files.readString(Path.of(done.sessionDirectory()).resolve("project/a.txt")));
        }
        assertTrue(running.log().contains("discarded cache entry " + hash + ": its content hashes to"), running.log());
    }

    @Test
    void aTestWritingToASyncedFileDoesNotChangeTheCache() throws Exception {
        start(64, 10_000, 256, 60_000);
        String hash = RunningServer.sha256("hello");
        try (MessageChannel channel = running.attached("writer")) {
            channel.send(new SyncManifest(List.of(new FileEntry("project/a.txt", 5, hash, false))));
            channel.receive();
            channel.send(new FileData(0, "hello".getBytes(StandardCharsets.UTF_8), true));
            Path synced = Path.of(assertInstanceOf(SyncDone.class, channel.receive()).sessionDirectory()).resolve("project/a.txt");
            Files.writeString(synced, "EVIL!"); // what a test in the session may do to its own files
        }
        Path stored = root.resolve("cas").resolve(hash.substring(0, 2)).resolve(hash);
        assertEquals("hello", Files.readString(stored));
        assertAnHonestBuildGetsIn("next-build");
        assertFalse(running.log().contains("discarded"), "nothing had to be discarded:\n" + running.log());
    }

    @Test
    void storesContentReadOnlyInDirectoriesOnlyThisUserCanEnter() throws Exception {
        start(64, 10_000, 256, 60_000);
        assertAnHonestBuildGetsIn("modes");
        String hash = RunningServer.sha256("hello");
        Path stored = root.resolve("cas").resolve(hash.substring(0, 2)).resolve(hash);
        assertEquals("r--------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(stored)));
        for (Path directory : List.of(root, root.resolve("cas"), stored.getParent())) {
            assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(directory)), directory.toString());
        }
        assertNotEquals(0, Files.size(stored));
    }
}
