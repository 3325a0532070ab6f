package io.distest.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Output;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class MessageCodecTest {
    private final MessageCodec codec = new MessageCodec();

    static Stream<Message> everyMessage() {
        TestId test = new TestId("[engine:junit-jupiter]/[class:a.B]/[method:m()]", "a.B", "m", "m()");
        ThrowableInfo boom = new ThrowableInfo("java.lang.AssertionError", "expected: <1> but was: <2>", "trace\n\tat a.B.m");
        return Stream.of(
                new Hello(Protocol.VERSION, "secret", "gw0", WorkerFacts.ofThisJvm()),
                new Refused("wrong token"),
                new Configure(List.of("fast", "db & !slow"), List.of(), Map.of("k", "v", "k2", "v2")),
                new Configure(List.of(), List.of("x"), Map.of()),
                new RunUnit(7, "a.B", List.of("m*"), List.of("slow?", "other", "third")),
                new Shutdown(),
                new TestStarted(7, test),
                new TestOutput(7, true, "héllo\n"),
                new TestFinished(7, test, Outcome.FAILED, 12, null, boom),
                new TestFinished(7, new TestId("u", "a.B", null, "B"), Outcome.SKIPPED, 0, "disabled", null),
                new UnitFinished(7, 40, null),
                new UnitFinished(8, 1, boom),
                new UnitFinished(9, 120, 85, null),
                new UnitFinished(11, 1500, 1400, null, "", 300),
                new UnitFinished(10, 1500, 1400, null, "spring:0123456789abcdef"),
                new Challenge(new byte[] {9, 8, 7}),
                new UnitUsed(3, List.of("a/B", "a/B$1"), List.of("app.properties"), List.of("src/test/data.json")),
                new Attach(Protocol.VERSION, new byte[] {1, 2}, new byte[] {3}, "s-1", Attach.CONTROL),
                new Attached(WorkerFacts.ofThisJvm(), new byte[] {4, 5}),
                new SyncManifest(List.of(new FileEntry("repo/a.jar", 3, "ab01", false), new FileEntry("bin/x", 0, "00", true))),
                new SyncManifest(List.of(), "0123abcd"),
                new SyncRequest(List.of(0, 5, 300)),
                new FileData(5, new byte[] {1, 2, 3}, true),
                new SyncDone(2, 1024, "/tmp/cache/sessions/s-1"),
                new SpawnWorker("gw1", "java", List.of("-Xmx1g"), List.of("repo/a.jar", "project/target/classes"),
                        "project", Map.of("A", "1"), "t"),
                new SpawnWorker("gw2", "java", List.of(), List.of(), "project/fork_2", Map.of(), "t", List.of("SECRET")),
                new SpawnWorker("gw3", "java", List.of(), List.of("worker.jar", "repo/junit.jar", "classes"), "project",
                        Map.of(), "t", List.of(), List.of("worker.jar", "repo/junit.jar"), true),
                new WorkerExited("gw1", "exit code 3", "last words"),
                new RunUnit(9, "a.B", List.of(), List.of(), List.of("[engine:x]/[class:a.B]/[method:m()]"), List.of("u2")),
                new Configure(List.of(), List.of(), Map.of(), 30_000),
                new Configure(List.of(), List.of(), Map.of(), 0, List.of("junit-jupiter"), List.of("junit-vintage")),
                new TestTimedOut(9, test, 30_000, "\"main\" ...\n\tat a.B.m(B.java:3)"),
                new Revoke(12),
                new Revoked(12, true),
                new Revoked(13, false),
                new UseProvider("org.apache.maven.surefire.testng.TestNGProvider", Map.of("listener", "a.B"),
                        List.of("src/test/resources/testng.xml"), "target/distest/provider-reports", 2),
                new ReportFile(14, "junitreports/TEST-a.B.xml", new byte[] {1, 2, 3}));
    }

    @ParameterizedTest
    @MethodSource("everyMessage")
    void roundTripsEveryMessage(Message message) throws Exception {
        assertEquals(message, codec.decode(codec.encode(message)));
    }

    @Test
    void everyMessageTypeIsCoveredByTheRoundTrip() {
        long covered = everyMessage().map(Object::getClass).distinct().count();
        assertEquals(Message.class.getPermittedSubclasses().length, covered);
    }

    @Test
    void spawnNeverPrintsItsToken() {
        assertFalse(new SpawnWorker("gw0", "java", List.of(), List.of(), ".", Map.of(), "s3cr3t-token").toString()
                .contains("s3cr3t-token"));
    }

    @Test
    void helloNeverPrintsItsToken() {
        Hello hello = new Hello(1, "s3cr3t-token", "gw0", WorkerFacts.ofThisJvm());
        assertFalse(hello.toString().contains("s3cr3t-token"));
    }

    @Test
    void refusesAnUnregisteredClassWithoutInstantiatingIt() {
        Kryo permissive = new Kryo();
        permissive.setRegistrationRequired(false);
        Output output = new Output(256, -1);
        permissive.writeClassAndObject(output, new Instantiated());
        Instantiated.count = 0;

        ProtocolException e = assertThrows(ProtocolException.class, () -> codec.decode(output.toBytes()));
        assertTrue(e.getMessage().contains("undecodable frame"), e.getMessage());
        assertEquals(0, Instantiated.count);
    }

    @Test
    void refusesARegisteredNonMessage() throws Exception {
        Kryo other = new Kryo();
        other.register(Outcome.class, 19);
        Output output = new Output(256, -1);
        other.writeClassAndObject(output, Outcome.FAILED);

        ProtocolException e = assertThrows(ProtocolException.class, () -> codec.decode(output.toBytes()));
        assertTrue(e.getMessage().contains("does not hold a message"), e.getMessage());
    }

    @Test
    void decodesTheExpectedTypeOnly() throws Exception {
        Attach attach = new Attach(Protocol.VERSION, new byte[] {1}, new byte[] {2}, "s-1", Attach.CONTROL);
        assertEquals(attach, codec.decode(codec.encode(attach), Attach.class));
        byte[] manifest = codec.encode(new SyncManifest(List.of(new FileEntry("a", 1, "ab", false))));
        ProtocolException e = assertThrows(ProtocolException.class, () -> codec.decode(manifest, Attach.class));
        assertEquals("expected Attach, got SyncManifest", e.getMessage());
    }

    @Test
    void refusesCollectionsNestedDeeperThanTheLimitWithAProtocolError() {
        // Configure(List[List[List[...]]], ...) written by hand: 10,000 lists deep
        Output output = new Output(64 * 1024, -1);
        output.writeVarInt(13 + 2, true); // Configure
        output.writeBoolean(false); // its components in name order: abortedClassAsItsTests first
        for (int i = 0; i < 10_000; i++) {
            output.writeVarInt(41 + 2, true); // a List.of(x) holding the next list
            output.writeVarInt(1, true);
        }
        byte[] frame = output.toBytes();
        ProtocolException e = assertThrows(ProtocolException.class, () -> codec.decode(frame));
        assertTrue(e.getMessage().contains("nested more than"), e.getMessage());
        assertEquals(new Shutdown(), assertDoesNotThrowDecoding(codec.encode(new Shutdown())), "the codec still works");
    }

    private Message assertDoesNotThrowDecoding(byte[] frame) {
        try {
            return codec.decode(frame);
        } catch (ProtocolException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void refusesTrailingBytes() {
        byte[] one = codec.encode(new Shutdown());
        byte[] padded = java.util.Arrays.copyOf(one, one.length + 3);
        assertThrows(ProtocolException.class, () -> codec.decode(padded));
    }

    @Test
    void refusesAClassGivenByNameBeforeReadingTheName() {
        Kryo permissive = new Kryo();
        permissive.setRegistrationRequired(false);
        Output output = new Output(256, -1);
        permissive.writeClassAndObject(output, new java.util.Date());
        ProtocolException e = assertThrows(ProtocolException.class, () -> codec.decode(output.toBytes()));
        assertTrue(e.getMessage().contains("given by name is not accepted"), e.getMessage());
    }

    @Test
    void refusesAStringLongerThanItsFrameWithoutAllocatingIt() {
        // Refused(reason) with a length prefix claiming ~2 GiB
        byte[] frame = {(byte) (12 + 2), (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x07};
        ProtocolException e = assertThrows(ProtocolException.class, () -> codec.decode(frame));
        assertTrue(e.getMessage().contains("exceeds the frame"), e.getMessage());
    }

    /** 100,000 random and mutated frames: only ProtocolException, and quickly (no giant allocation on the way). */
    @Test
    void fuzzedFramesFailOnlyWithProtocolErrors() {
        Random random = new Random(42);
        List<byte[]> valid = everyMessage().map(codec::encode).toList();
        int decoded = 0;
        for (int i = 0; i < 100_000; i++) {
            byte[] frame;
            if (i % 3 == 0) {
                frame = new byte[random.nextInt(64)];
                random.nextBytes(frame);
            } else {
                byte[] base = valid.get(random.nextInt(valid.size()));
                frame = i % 3 == 1 ? base.clone() : java.util.Arrays.copyOf(base, random.nextInt(base.length + 1));
                for (int flips = 1 + random.nextInt(4); flips > 0 && frame.length > 0; flips--) {
                    frame[random.nextInt(frame.length)] = (byte) random.nextInt(256);
                }
            }
            try {
                codec.decode(frame);
                decoded++;
            } catch (ProtocolException expected) {
                // the only acceptable failure
            }
        }
        assertTrue(decoded < 100_000, "some frames must have been refused");
    }

    /** Counts instances: decoding must never construct it. */
    public static final class Instantiated {
        static int count;

        public Instantiated() {
            count++;
        }
    }
}
