package io.distest.maven.run.fake;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * An in-memory one-way byte stream between two threads: what is written can be read, in order; after
 * {@link #close} the reader gets what is left, then end of stream, and the writer an error.
 */
public final class BytePipe {
    private final Object lock = new Object();
    private byte[] buffer = new byte[8192];
    private int start;
    private int end;
    private boolean closed;

    public final InputStream in = new InputStream() {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            synchronized (lock) {
                while (start == end && !closed) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new InterruptedIOException("interrupted while reading the pipe");
                    }
                }
                if (start == end) {
                    return -1;
                }
                int n = Math.min(length, end - start);
                System.arraycopy(buffer, start, target, offset, n);
                start += n;
                return n;
            }
        }

        @Override
        public void close() {
            BytePipe.this.close();
        }
    };

    public final OutputStream out = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] source, int offset, int length) throws IOException {
            synchronized (lock) {
                if (closed) {
                    throw new IOException("pipe closed");
                }
                if (end + length > buffer.length) {
                    int live = end - start;
                    byte[] bigger = live + length > buffer.length ? new byte[Math.max(2 * buffer.length, live + length)] : buffer;
                    System.arraycopy(buffer, start, bigger, 0, live);
                    buffer = bigger;
                    start = 0;
                    end = live;
                }
                System.arraycopy(source, offset, buffer, end, length);
                end += length;
                lock.notifyAll();
            }
        }

        @Override
        public void close() {
            BytePipe.this.close();
        }
    };

    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
    }

    @Override
    public String toString() {
        synchronized (lock) {
            return "BytePipe" + Arrays.toString(new int[] {start, end}) + (closed ? " closed" : "");
        }
    }
}
