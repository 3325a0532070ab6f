package io.distest.protocol;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Speaks the protocol over any pair of byte streams (a socket, a pipe, an ssh channel): how the streams were
 * obtained is someone else's business. {@link #send} may be called from any thread; {@link #receive} from one.
 */
public final class MessageChannel implements Closeable {
    private final DataInputStream in;
    private final DataOutputStream out;
    private final Closeable resource;
    private final MessageCodec encoder = new MessageCodec();
    private final MessageCodec decoder = new MessageCodec();

    public MessageChannel(InputStream in, OutputStream out, Closeable resource) {
        this.in = new DataInputStream(new BufferedInputStream(in, 64 * 1024));
        this.out = new DataOutputStream(new BufferedOutputStream(out, 64 * 1024));
        this.resource = resource;
    }

    public void send(Message message) throws IOException {
        synchronized (out) {
            Frames.write(out, encoder.encode(message));
        }
    }

    /** The next message; {@link java.io.EOFException} when the peer closed between messages. */
    public Message receive() throws IOException {
        return decoder.decode(Frames.read(in, Protocol.MAX_FRAME_BYTES));
    }

    @Override
    public void close() throws IOException {
        resource.close();
    }
}
