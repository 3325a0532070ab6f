package io.distest.protocol;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Registration;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.util.DefaultClassResolver;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns messages into bytes and back with Kryo, every class registered under an explicit id and
 * registration required: bytes naming any other class are refused, never instantiated.
 *
 * <p>Not thread-safe: use one instance per thread (a {@link MessageChannel} keeps one for each direction).
 */
public final class MessageCodec {
    /** Lists and maps inside one another deeper than this are refused: real messages nest two deep at most. */
    static final int MAX_NESTING = 16;

    private final Kryo kryo = new Kryo(new IdsOnlyClassResolver(), null);
    /** Reused by every {@link #encode}: a test's events are many small messages, each would allocate a buffer. */
    private final Output output = new Output(256, Protocol.MAX_FRAME_BYTES);
    /** How deep the collection being read is nested; a deep chain would otherwise end in a StackOverflowError. */
    private int nesting;

    public MessageCodec() {
        kryo.setRegistrationRequired(true);
        kryo.setReferences(false);
        // Kryo's own String reader allocates whatever length the bytes claim: a hostile frame could ask for GiBs
        kryo.register(String.class, new BoundedStringSerializer());
        // Ids are part of the protocol: append, never renumber (raise Protocol.VERSION if you must).
        kryo.register(Hello.class, 10);
        kryo.register(WorkerFacts.class, 11);
        kryo.register(Refused.class, 12);
        kryo.register(Configure.class, 13);
        kryo.register(RunUnit.class, 14);
        kryo.register(Shutdown.class, 15);
        kryo.register(TestId.class, 16);
        kryo.register(TestStarted.class, 17);
        kryo.register(TestOutput.class, 18);
        kryo.register(Outcome.class, 19);
        kryo.register(ThrowableInfo.class, 20);
        kryo.register(TestFinished.class, 21);
        kryo.register(UnitFinished.class, 22);
        kryo.register(Attach.class, 23);
        kryo.register(Attached.class, 24);
        kryo.register(FileEntry.class, 25);
        kryo.register(SyncManifest.class, 26);
        kryo.register(SyncRequest.class, 27);
        kryo.register(FileData.class, 28);
        kryo.register(SyncDone.class, 29);
        kryo.register(SpawnWorker.class, 30);
        kryo.register(WorkerExited.class, 31);
        kryo.register(byte[].class, new BoundedBytesSerializer(), 32);
        kryo.register(TestTimedOut.class, 34);
        // the JDK's immutable collections that the records' List.copyOf / Map.copyOf produce
        ImmutableListSerializer lists = new ImmutableListSerializer();
        kryo.register(List.of().getClass(), lists, 40);
        kryo.register(List.of(1).getClass(), lists, 41);
        ImmutableMapSerializer maps = new ImmutableMapSerializer();
        kryo.register(Map.of().getClass(), maps, 42);
        kryo.register(Map.of(1, 1).getClass(), maps, 43);
        kryo.register(Revoke.class, 44);
        kryo.register(Revoked.class, 45);
        kryo.register(UseProvider.class, 46);
        kryo.register(ReportFile.class, 47);
        kryo.register(Challenge.class, 50);
        kryo.register(UnitUsed.class, 51);
    }

    public byte[] encode(Message message) {
        output.reset();
        try {
            kryo.writeClassAndObject(output, message);
        } catch (KryoException e) {
            throw new IllegalArgumentException("cannot encode " + message.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
        return output.toBytes();
    }

    /** Decodes one frame's payload; anything but exactly one registered message is a {@link ProtocolException}. */
    public Message decode(byte[] payload) throws ProtocolException {
        Input input = new Input(payload);
        nesting = 0;
        Object decoded;
        try {
            decoded = kryo.readClassAndObject(input);
        } catch (KryoException | IllegalArgumentException | IndexOutOfBoundsException | NegativeArraySizeException
                | ClassCastException | NullPointerException e) {
            throw new ProtocolException("undecodable frame of " + payload.length + " bytes: " + e.getMessage(), e);
        }
        if (!(decoded instanceof Message message)) {
            throw new ProtocolException("frame of " + payload.length + " bytes does not hold a message but "
                    + (decoded == null ? "null" : decoded.getClass().getName()));
        }
        return complete(input, payload, message);
    }

    /**
     * Decodes one frame's payload only if it holds a message of type {@code expected}: the type is read first, and
     * any other type is refused before a single field of it is read (so a hostile peer cannot make us build
     * whatever it likes before it is known to be who it claims).
     */
    public <T extends Message> T decode(byte[] payload, Class<T> expected) throws ProtocolException {
        Input input = new Input(payload);
        nesting = 0;
        Object decoded;
        try {
            Registration registration = kryo.readClass(input);
            if (registration == null || registration.getType() != expected) {
                throw new ProtocolException("expected " + expected.getSimpleName() + ", got "
                        + (registration == null ? "null" : registration.getType().getSimpleName()));
            }
            decoded = kryo.readObject(input, registration.getType());
        } catch (KryoException | IllegalArgumentException | IndexOutOfBoundsException | NegativeArraySizeException
                | ClassCastException | NullPointerException | StackOverflowError e) {
            throw new ProtocolException("undecodable frame of " + payload.length + " bytes: " + e.getMessage(), e);
        }
        return expected.cast(complete(input, payload, (Message) decoded));
    }

    private static Message complete(Input input, byte[] payload, Message message) throws ProtocolException {
        if (input.position() != payload.length) {
            throw new ProtocolException("frame of " + payload.length + " bytes has "
                    + (payload.length - input.position()) + " trailing bytes after " + message.getClass().getSimpleName());
        }
        return message;
    }

    /** Kryo would read a class *name* from the wire (and load that class) before refusing it: refuse at once. */
    private static final class IdsOnlyClassResolver extends DefaultClassResolver {
        @Override
        protected Registration readName(Input input) {
            throw new KryoException("a class given by name is not accepted; only registered message ids are");
        }
    }

    private void enterCollection() {
        if (++nesting > MAX_NESTING) {
            nesting = 0;
            throw new KryoException("collections nested more than " + MAX_NESTING + " deep");
        }
    }

    private void leaveCollection() {
        nesting = Math.max(0, nesting - 1);
    }

    private final class ImmutableListSerializer extends Serializer<List<Object>> {
        ImmutableListSerializer() {
            setImmutable(true);
        }

        @Override
        public void write(Kryo kryo, Output output, List<Object> list) {
            output.writeVarInt(list.size(), true);
            for (Object element : list) {
                kryo.writeClassAndObject(output, element);
            }
        }

        @Override
        public List<Object> read(Kryo kryo, Input input, Class<? extends List<Object>> type) {
            enterCollection();
            int size = readSize(input);
            List<Object> elements = new ArrayList<>(Math.min(size, 64));
            for (int i = 0; i < size; i++) {
                elements.add(kryo.readClassAndObject(input));
            }
            leaveCollection();
            return List.copyOf(elements);
        }
    }

    private final class ImmutableMapSerializer extends Serializer<Map<Object, Object>> {
        ImmutableMapSerializer() {
            setImmutable(true);
        }

        @Override
        public void write(Kryo kryo, Output output, Map<Object, Object> map) {
            output.writeVarInt(map.size(), true);
            for (Map.Entry<Object, Object> entry : map.entrySet()) {
                kryo.writeClassAndObject(output, entry.getKey());
                kryo.writeClassAndObject(output, entry.getValue());
            }
        }

        @Override
        public Map<Object, Object> read(Kryo kryo, Input input, Class<? extends Map<Object, Object>> type) {
            enterCollection();
            int size = readSize(input);
            Map<Object, Object> entries = new HashMap<>();
            for (int i = 0; i < size; i++) {
                entries.put(kryo.readClassAndObject(input), kryo.readClassAndObject(input));
            }
            leaveCollection();
            return Map.copyOf(entries);
        }
    }

    /** A size read from the wire can be hostile: it may never exceed the bytes left in the frame. */
    private static int readSize(Input input) {
        int size = input.readVarInt(true);
        int remaining = input.limit() - input.position();
        if (size < 0 || size > remaining) {
            throw new KryoException("size " + size + " exceeds the " + remaining + " bytes left in the frame");
        }
        return size;
    }

    /** Byte arrays with a length checked against the frame before anything is allocated. */
    private static final class BoundedBytesSerializer extends Serializer<byte[]> {
        BoundedBytesSerializer() {
            setImmutable(true);
        }

        @Override
        public void write(Kryo kryo, Output output, byte[] bytes) {
            output.writeVarInt(bytes.length, true);
            output.writeBytes(bytes);
        }

        @Override
        public byte[] read(Kryo kryo, Input input, Class<? extends byte[]> type) {
            return input.readBytes(readSize(input));
        }
    }

    /** Strings as UTF-8 with a length checked against the frame before anything is allocated; 0 stands for null. */
    private static final class BoundedStringSerializer extends Serializer<String> {
        BoundedStringSerializer() {
            setImmutable(true);
            setAcceptsNull(true);
        }

        @Override
        public void write(Kryo kryo, Output output, String value) {
            if (value == null) {
                output.writeVarInt(0, true);
                return;
            }
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            output.writeVarInt(bytes.length + 1, true);
            output.writeBytes(bytes);
        }

        @Override
        public String read(Kryo kryo, Input input, Class<? extends String> type) {
            int lengthPlusOne = input.readVarInt(true);
            if (lengthPlusOne == 0) {
                return null;
            }
            int length = lengthPlusOne - 1;
            if (length < 0 || length > input.limit() - input.position()) {
                throw new KryoException("string of " + length + " bytes exceeds the frame");
            }
            return new String(input.readBytes(length), StandardCharsets.UTF_8);
        }
    }
}
