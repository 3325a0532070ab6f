package io.distest.maven.gateway;

import java.io.Closeable;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

/**
 * A two-way byte stream, such as a tunnel through an ssh connection: read from {@code in}, write to {@code out},
 * and call {@code close.close()} once to release both.
 *
 * @param in    bytes coming from the far end
 * @param out   bytes going to the far end; closing it half-closes the stream (the far end reads EOF)
 * @param close releases the whole stream; idempotent
 */
public record Duplex(InputStream in, OutputStream out, Closeable close) {
    public Duplex {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(close, "close");
    }
}
