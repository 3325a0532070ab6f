package io.distest.worker.runner;

import io.distest.protocol.MessageChannel;
import io.distest.protocol.TestOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Replaces {@code System.out} and {@code System.err} so that what tests print travels as {@link TestOutput}
 * messages, line by line, attributed to the running unit. Printing outside a unit goes to the worker's own
 * streams, which the plugin keeps for diagnosis; the protocol never shares a stream with test output.
 */
final class OutputCapture {
    private static final int FLUSH_BYTES = 8 * 1024;

    private final MessageChannel channel;
    private final PrintStream originalOut;
    private final PrintStream originalErr;
    private volatile int unitId = -1;

    private OutputCapture(MessageChannel channel) {
        this.channel = channel;
        this.originalOut = System.out;
        this.originalErr = System.err;
    }

    static OutputCapture install(MessageChannel channel) {
        OutputCapture capture = new OutputCapture(channel);
        System.setOut(new PrintStream(capture.new LineSender(false, capture.originalOut), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(capture.new LineSender(true, capture.originalErr), true, StandardCharsets.UTF_8));
        return capture;
    }

    /** Output from now on belongs to this unit; {@code -1}: to nobody. */
    void attributeTo(int unitId) {
        System.out.flush();
        System.err.flush();
        this.unitId = unitId;
    }

    /** Buffers bytes up to a line end, then sends them; never splits a line across units. */
    private final class LineSender extends OutputStream {
        private final boolean stderr;
        private final PrintStream fallback;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LineSender(boolean stderr, PrintStream fallback) {
            this.stderr = stderr;
            this.fallback = fallback;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            line.write(b);
            if (b == '\n' || line.size() >= FLUSH_BYTES) {
                send();
            }
        }

        @Override
        public synchronized void write(byte[] bytes, int off, int len) throws IOException {
            for (int i = off; i < off + len; i++) {
                write(bytes[i]);
            }
        }

        @Override
        public synchronized void flush() throws IOException {
            send();
        }

        private void send() throws IOException {
            if (line.size() == 0) {
                return;
            }
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            int unit = unitId;
            if (unit < 0) {
                fallback.print(text);
                fallback.flush();
            } else {
                channel.send(new TestOutput(unit, stderr, text));
            }
        }
    }
}
