package io.distest.shared;

import io.distest.protocol.Message;
import io.distest.protocol.MessageCodec;
import io.distest.protocol.ProtocolException;
import io.distest.protocol.Refused;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The door of a listener that other local accounts can reach (the worker server's port, the build's port for its
 * workers): accepts connections and reads each one's first frame on one thread, with no thread and no large buffer
 * per connection, so that peers which never prove the token cost little and cannot keep honest ones out.
 *
 * <ul>
 *   <li>the first frame may hold at most {@link #MAX_FIRST_FRAME} bytes, and only the one expected message type
 *       is decoded (an {@code Attach} at a server, a {@code Hello} at the build);</li>
 *   <li>the whole frame must arrive before an absolute deadline (a client trickling one byte at a time gains
 *       nothing);</li>
 *   <li>at most {@code maxPending} connections wait; when another arrives, the one that has waited longest is
 *       dropped. An honest peer sends its first frame at once, so it is never the oldest for long.</li>
 * </ul>
 */
public final class Admission<T extends Message> implements AutoCloseable {
    /** An {@code Attach} or a {@code Hello} (a version, a token, ids, a worker's facts): a few hundred bytes. */
    public static final int MAX_FIRST_FRAME = 4096;

    /**
     * Receives a connection whose first frame was the expected message, on the admission thread, in blocking mode,
     * with the greeting it was sent (null without one).
     */
    public interface Door<T> {
        void admit(SocketChannel channel, T first, Message greeting, String peer) throws IOException;
    }

    private final ServerSocketChannel listener;
    private final Class<T> expected;
    private final Selector selector;
    private final int maxPending;
    private final long deadlineNanos;
    private final Consumer<String> log;
    private final Door<T> door;
    private final Supplier<? extends Message> greeting;
    private final MessageCodec codec = new MessageCodec();
    private final Map<SocketChannel, Pending> pending = new LinkedHashMap<>();

    /**
     * @param expected the only message type a first frame may hold
     * @param log      receives one line per refused or dropped connection
     * @param greeting what each connection is sent as soon as it is accepted (a server's challenge), or null
     */
    public Admission(ServerSocketChannel listener, Class<T> expected, int maxPending, int handshakeMillis,
            Consumer<String> log, Supplier<? extends Message> greeting, Door<T> door) throws IOException {
        this.listener = listener;
        this.expected = expected;
        this.greeting = greeting;
        this.maxPending = maxPending;
        this.deadlineNanos = TimeUnit.MILLISECONDS.toNanos(handshakeMillis);
        this.log = log;
        this.door = door;
        this.selector = Selector.open();
        listener.configureBlocking(false);
        listener.register(selector, SelectionKey.OP_ACCEPT);
    }

    /** Connections waiting for their first frame (for tests and the bench). */
    public int pending() {
        synchronized (pending) {
            return pending.size();
        }
    }

    /** Admits until closed; no single connection's failure ends it. */
    public void run() {
        try {
            while (selector.isOpen()) {
                try {
                    step();
                } catch (ClosedSelectorException e) {
                    return;
                } catch (IOException | RuntimeException e) {
                    if (selector.isOpen()) {
                        log.accept("admission: " + e);
                    }
                }
            }
        } finally {
            synchronized (pending) {
                pending.keySet().forEach(Quietly::close);
                pending.clear();
            }
        }
    }

    private void step() throws IOException {
        selector.select(waitMillis());
        List<Ready<T>> ready = new ArrayList<>();
        Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
        while (keys.hasNext()) {
            SelectionKey key = keys.next();
            keys.remove();
            if (!key.isValid()) {
                continue;
            }
            if (key.isAcceptable()) {
                acceptAll();
            } else if (key.isReadable()) {
                read(key, ready);
            }
        }
        expire();
        if (!ready.isEmpty()) {
            selector.selectNow(); // completes the cancellation of their keys: only then may they block again
            for (Ready<T> r : ready) {
                try {
                    r.channel.configureBlocking(true);
                    door.admit(r.channel, r.first, r.greeting, r.peer);
                } catch (IOException | RuntimeException e) {
                    log.accept("connection from " + r.peer + " failed: " + e);
                    Quietly.close(r.channel);
                }
            }
        }
    }

    private long waitMillis() {
        synchronized (pending) {
            if (pending.isEmpty()) {
                return 0; // until something happens
            }
            long oldest = pending.values().iterator().next().deadline;
            return Math.max(1, TimeUnit.NANOSECONDS.toMillis(oldest - System.nanoTime()) + 1);
        }
    }

    private void acceptAll() throws IOException {
        while (true) {
            SocketChannel channel;
            try {
                channel = listener.accept();
            } catch (IOException e) { // e.g. out of file descriptors: pause rather than spin on a ready listener
                log.accept("accept failed: " + e.getMessage());
                pause();
                return;
            }
            if (channel == null) {
                return;
            }
            String peer = peer(channel);
            synchronized (pending) {
                if (pending.size() >= maxPending) {
                    Map.Entry<SocketChannel, Pending> oldest = pending.entrySet().iterator().next();
                    drop(oldest.getKey(), oldest.getValue().peer, maxPending
                            + " connections were waiting to prove the token; this one had waited longest");
                }
                try {
                    channel.configureBlocking(false);
                    channel.socket().setTcpNoDelay(true);
                    Pending state = new Pending(peer, System.nanoTime() + deadlineNanos, greet(channel));
                    channel.register(selector, SelectionKey.OP_READ);
                    pending.put(channel, state);
                } catch (IOException e) {
                    log.accept("connection from " + peer + " failed: " + e.getMessage());
                    Quietly.close(channel);
                }
            }
        }
    }

    /** Sends the greeting, if any: a small frame into a fresh connection's empty send buffer, so it never waits. */
    private Message greet(SocketChannel channel) throws IOException {
        if (greeting == null) {
            return null;
        }
        Message message = greeting.get();
        ByteBuffer frame = frame(message);
        channel.write(frame);
        if (frame.hasRemaining()) {
            throw new IOException("the greeting did not fit the connection's send buffer");
        }
        return message;
    }

    private ByteBuffer frame(Message message) {
        byte[] payload = codec.encode(message);
        return ByteBuffer.allocate(4 + payload.length).putInt(payload.length).put(payload).flip();
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void read(SelectionKey key, List<Ready<T>> ready) {
        SocketChannel channel = (SocketChannel) key.channel();
        Pending state;
        synchronized (pending) {
            state = pending.get(channel);
        }
        if (state == null) {
            key.cancel();
            Quietly.close(channel);
            return;
        }
        try {
            while (true) {
                ByteBuffer buffer = state.body != null ? state.body : state.header;
                int n = channel.read(buffer);
                if (n < 0) {
                    drop(channel, state.peer, "closed the connection before proving the token");
                    return;
                }
                if (state.body == null && !state.header.hasRemaining()) {
                    int length = state.header.flip().getInt();
                    if (length < 0 || length > MAX_FIRST_FRAME) {
                        refuse(channel, state.peer, "a first frame of " + length + " bytes; "
                                + article(expected.getSimpleName()) + " takes at most " + MAX_FIRST_FRAME);
                        return;
                    }
                    state.body = ByteBuffer.allocate(length);
                    continue;
                }
                if (state.body != null && !state.body.hasRemaining()) {
                    forget(channel);
                    key.cancel();
                    try {
                        T first = codec.decode(state.body.array(), expected);
                        ready.add(new Ready<>(channel, first, state.greeting, state.peer));
                    } catch (ProtocolException e) {
                        String first = "expected " + expected.getSimpleName();
                        refuse(channel, state.peer, e.getMessage().startsWith(first)
                                ? e.getMessage().replace(first, first + " first") : e.getMessage());
                    }
                    return;
                }
                if (n == 0) {
                    return;
                }
            }
        } catch (IOException e) {
            drop(channel, state.peer, e.getMessage());
        }
    }

    private void expire() {
        long now = System.nanoTime();
        synchronized (pending) {
            Iterator<Map.Entry<SocketChannel, Pending>> entries = pending.entrySet().iterator();
            while (entries.hasNext()) {
                Map.Entry<SocketChannel, Pending> entry = entries.next();
                if (entry.getValue().deadline - now > 0) {
                    return; // all wait equally long, so the rest are younger
                }
                entries.remove();
                log.accept("dropped " + entry.getValue().peer + ": no token within "
                        + TimeUnit.NANOSECONDS.toMillis(deadlineNanos) + " ms");
                Quietly.close(entry.getKey());
            }
        }
    }

    /** Says why in a {@link Refused} (best effort: a small frame, written without waiting) and closes. */
    private void refuse(SocketChannel channel, String peer, String reason) {
        forget(channel);
        log.accept("refused " + peer + ": " + reason);
        try {
            channel.write(frame(new Refused(reason)));
        } catch (IOException | RuntimeException ignored) {
            // it is refused either way
        }
        Quietly.close(channel);
    }

    private void drop(SocketChannel channel, String peer, String reason) {
        forget(channel);
        log.accept("dropped " + peer + ": " + reason);
        Quietly.close(channel);
    }

    private void forget(SocketChannel channel) {
        synchronized (pending) {
            pending.remove(channel);
        }
    }

    private static String article(String noun) {
        return ("AEIOU".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }

    private static String peer(SocketChannel channel) {
        try {
            return String.valueOf(channel.getRemoteAddress());
        } catch (IOException e) {
            return "?";
        }
    }


    @Override
    public void close() throws IOException {
        selector.close();
        listener.close();
    }

    private static final class Pending {
        final String peer;
        final long deadline;
        final Message greeting;
        final ByteBuffer header = ByteBuffer.allocate(4);
        ByteBuffer body;

        Pending(String peer, long deadline, Message greeting) {
            this.peer = peer;
            this.deadline = deadline;
            this.greeting = greeting;
        }
    }

    private record Ready<T>(SocketChannel channel, T first, Message greeting, String peer) {}
}
