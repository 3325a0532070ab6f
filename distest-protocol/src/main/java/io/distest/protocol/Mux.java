package io.distest.protocol;

import io.distest.shared.Threads;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Many two-way byte streams ("channels") over one pair of streams, such as a command's stdin and stdout: the
 * {@code exec=} gateway carries every connection of a worker server (control and one per worker) over the one
 * pipe it has.
 *
 * <p>Frames are {@code [int channel][int length][payload]}; a length of {@value #OPEN} opens the channel, a length
 * of {@value #CLOSE} closes it (both directions), any other length is data, at most {@value #MAX_DATA} bytes. Only
 * the opening side ({@link #open()}) names new channels; the other side learns of them through the
 * {@code accept} callback. A frame that breaks these rules ends the whole mux: it is a protocol error, never
 * guessed around.
 *
 * <p>Received data is queued per channel, so a slow reader of one channel never stalls the others (nor the frame
 * reader); a channel holding more than {@value #MAX_QUEUED} unread bytes makes the frame reader wait for it.
 */
public final class Mux implements Closeable {
    /** The line a far side's {@code serve --stdio} prints on standard output before the frames begin. */
    public static final String READY_LINE = "DISTEST-STDIO-READY " + Protocol.VERSION;
    static final int OPEN = -1;
    static final int CLOSE = -2;
    /** The largest data payload of one frame. */
    public static final int MAX_DATA = 64 * 1024;
    static final int MAX_QUEUED = 32 * 1024 * 1024;

    private final DataInputStream in;
    private final DataOutputStream out;
    private final Closeable resource;
    private final String name;
    private final Consumer<Channel> accept;
    private final int maxChannels;
    private final Map<Integer, Channel> channels = new ConcurrentHashMap<>();
    private final AtomicInteger nextId = new AtomicInteger(1);
    private final CompletableFuture<IOException> ended = new CompletableFuture<>();

    /**
     * @param resource    closed when the mux ends (the pipe, the process)
     * @param name        for messages: where the other end is, e.g. the command
     * @param accept      called on the reader thread with each channel the other side opens; {@code null} refuses
     *                    (closes) every such channel
     * @param maxChannels how many channels may be open at once; an {@code OPEN} beyond it is answered with
     *                    {@code CLOSE}
     */
    public Mux(InputStream in, OutputStream out, Closeable resource, String name, Consumer<Channel> accept,
            int maxChannels) {
        this.in = new DataInputStream(in);
        // one write per frame, header and payload together: the pipe may be an unbuffered file descriptor
        this.out = new DataOutputStream(new BufferedOutputStream(out, MAX_DATA + 8));
        this.resource = resource;
        this.name = name;
        this.accept = accept;
        this.maxChannels = maxChannels;
    }

    /** Starts reading frames on a daemon thread; returns this. */
    public Mux start() {
        Threads.start(this::readFrames, "distest-mux-" + name);
        return this;
    }

    /** Opens a new channel to the other side. */
    public Channel open() throws IOException {
        IOException why = ended.getNow(null);
        if (why != null) {
            throw why;
        }
        int id = nextId.getAndIncrement();
        Channel channel = new Channel(id);
        channels.put(id, channel);
        writeFrame(id, OPEN, null, 0, 0);
        return channel;
    }

    /** Completes, with why, when the mux has ended (the pipe closed, a protocol error, {@link #close()}). */
    public CompletableFuture<IOException> ended() {
        return ended;
    }

    /** Whether frames still flow. */
    public boolean isOpen() {
        return !ended.isDone();
    }

    private void readFrames() {
        IOException why;
        try {
            while (true) {
                int id = in.readInt();
                int length = in.readInt();
                if (length == OPEN) {
                    opened(id);
                } else if (length == CLOSE) {
                    Channel channel = channels.remove(id);
                    if (channel != null) {
                        channel.remoteClosed(null);
                    }
                } else if (length >= 0 && length <= MAX_DATA) {
                    byte[] data = new byte[length];
                    in.readFully(data);
                    Channel channel = channels.get(id);
                    if (channel != null) { // data for a channel closed here in the meantime is dropped
                        channel.received(data);
                    }
                } else {
                    throw new ProtocolException("mux frame of channel " + id + " has length " + length
                            + ", outside 0.." + MAX_DATA);
                }
            }
        } catch (EOFException e) {
            why = new EOFException(name + " closed the stream");
        } catch (IOException e) {
            why = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            why = new InterruptedIOException("interrupted");
        }
        end(why);
    }

    private void opened(int id) throws IOException {
        if (accept == null || id <= 0 || channels.containsKey(id) || channels.size() >= maxChannels) {
            writeFrame(id, CLOSE, null, 0, 0);
            return;
        }
        Channel channel = new Channel(id);
        channels.put(id, channel);
        accept.accept(channel);
    }

    private void end(IOException why) {
        if (!ended.complete(why)) {
            return;
        }
        channels.values().forEach(c -> c.remoteClosed(why));
        channels.clear();
        try {
            resource.close();
        } catch (IOException ignored) {
            // ending either way
        }
    }

    private void writeFrame(int id, int length, byte[] data, int offset, int count) throws IOException {
        synchronized (out) {
            IOException why = ended.getNow(null);
            if (why != null) {
                throw new IOException(why.getMessage(), why);
            }
            try {
                out.writeInt(id);
                out.writeInt(length);
                if (count > 0) {
                    out.write(data, offset, count);
                }
                out.flush();
            } catch (IOException e) {
                end(e);
                throw e;
            }
        }
    }

    /** Ends every channel and closes the resource. */
    @Override
    public void close() {
        end(new IOException("the connection to " + name + " was closed"));
    }

    /** One two-way stream inside the mux. */
    public final class Channel implements Closeable {
        private final int id;
        private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
        private int queued;
        private volatile boolean remoteClosed;
        private IOException failure;
        private volatile boolean closed;
        private byte[] current;
        private int position;
        private final InputStream input = new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] bytes, int offset, int length) throws IOException {
                return Channel.this.read(bytes, offset, length);
            }

            @Override
            public void close() {
                Channel.this.close();
            }
        };
        private final OutputStream output = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                if (closed || remoteClosed) {
                    throw new IOException("channel " + id + " to " + name + " is closed");
                }
                while (length > 0) {
                    int n = Math.min(length, MAX_DATA);
                    writeFrame(id, n, bytes, offset, n);
                    offset += n;
                    length -= n;
                }
            }

            @Override
            public void close() {
                Channel.this.close();
            }
        };

        private Channel(int id) {
            this.id = id;
        }

        public InputStream in() {
            return input;
        }

        /** Writes are framed and flushed as they come: wrap it in a buffer to batch small writes. */
        public OutputStream out() {
            return output;
        }

        private synchronized void received(byte[] data) throws InterruptedException {
            while (queued > MAX_QUEUED && !closed) {
                wait();
            }
            if (!closed) {
                queue.add(data);
                queued += data.length;
                notifyAll();
            }
        }

        private synchronized void remoteClosed(IOException why) {
            remoteClosed = true;
            failure = why;
            notifyAll();
        }

        private synchronized int read(byte[] bytes, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            while (current == null || position == current.length) {
                current = queue.poll();
                position = 0;
                if (current != null) {
                    queued -= current.length;
                    notifyAll();
                    continue;
                }
                if (remoteClosed) {
                    if (failure != null) {
                        throw new IOException(failure.getMessage(), failure);
                    }
                    return -1;
                }
                if (closed) {
                    return -1;
                }
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while reading channel " + id);
                }
            }
            int n = Math.min(length, current.length - position);
            System.arraycopy(current, position, bytes, offset, n);
            position += n;
            return n;
        }

        /** Closes both directions; the other side reads the end of its stream. Idempotent. */
        @Override
        public void close() {
            boolean tell;
            synchronized (this) {
                tell = !closed && !remoteClosed;
                closed = true;
                queue.clear();
                queued = 0;
                notifyAll();
            }
            channels.remove(id, this);
            if (tell) {
                try {
                    writeFrame(id, CLOSE, null, 0, 0);
                } catch (IOException ignored) {
                    // the mux has ended: the other side knows
                }
            }
        }
    }
}
