package io.distest.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import org.junit.jupiter.api.Test;

class FramesTest {

    @Test
    void readsBackWhatWasWritten() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Frames.write(new DataOutputStream(bytes), new byte[] {1, 2, 3});
        assertArrayEquals(new byte[] {1, 2, 3}, Frames.read(input(bytes.toByteArray()), 100));
    }

    @Test
    void refusesALengthOverTheLimitBeforeAllocating() {
        byte[] frame = {0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff};
        ProtocolException e = assertThrows(ProtocolException.class, () -> Frames.read(input(frame), 1024));
        assertTrue(e.getMessage().contains("outside 0..1024"), e.getMessage());
    }

    @Test
    void refusesANegativeLength() {
        byte[] frame = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xfe};
        assertThrows(ProtocolException.class, () -> Frames.read(input(frame), 1024));
    }

    @Test
    void namesATruncatedFrame() {
        byte[] frame = {0, 0, 0, 10, 1, 2};
        ProtocolException e = assertThrows(ProtocolException.class, () -> Frames.read(input(frame), 1024));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void reportsACleanEndBetweenFramesAsEndOfFile() {
        assertThrows(EOFException.class, () -> Frames.read(input(new byte[0]), 1024));
    }

    @Test
    void refusesToWriteAnOversizedFrame() {
        byte[] huge = new byte[Protocol.MAX_FRAME_BYTES + 1];
        assertThrows(ProtocolException.class, () -> Frames.write(new DataOutputStream(new ByteArrayOutputStream()), huge));
    }

    private static DataInputStream input(byte[] bytes) {
        return new DataInputStream(new ByteArrayInputStream(bytes));
    }
}
