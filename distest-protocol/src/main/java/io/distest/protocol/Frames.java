package io.distest.protocol;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;

/** Length-prefixed frames: {@code [int length][payload]}, the length checked against a limit before any allocation. */
public final class Frames {
    private Frames() {}

    public static void write(DataOutputStream out, byte[] payload) throws IOException {
        if (payload.length > Protocol.MAX_FRAME_BYTES) {
            throw new ProtocolException("frame of " + payload.length + " bytes exceeds the limit of "
                    + Protocol.MAX_FRAME_BYTES + " bytes");
        }
        out.writeInt(payload.length);
        out.write(payload);
        out.flush();
    }

    /**
     * Reads one frame.
     *
     * @throws EOFException if the stream ended cleanly before a new frame began
     * @throws ProtocolException if the length is out of range or the frame is truncated
     */
    public static byte[] read(DataInputStream in, int maxBytes) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > maxBytes) {
            throw new ProtocolException("frame length " + length + " is outside 0.." + maxBytes);
        }
        byte[] payload = new byte[length];
        try {
            in.readFully(payload);
        } catch (EOFException e) {
            throw new ProtocolException("truncated frame: the stream ended inside a frame of " + length + " bytes", e);
        }
        return payload;
    }
}
