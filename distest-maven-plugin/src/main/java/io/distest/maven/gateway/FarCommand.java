package io.distest.maven.gateway;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * A running command whose standard input and output reach a shell on the far side: a local process
 * ({@code exec=ssh -T host}, {@code kubectl exec -i}) or a command of an ssh connection. Its standard error is
 * drained as it comes (kept for messages), never mixed into the protocol stream.
 */
public interface FarCommand extends AutoCloseable {

    OutputStream stdin();

    InputStream stdout();

    /** The last lines it wrote on standard error so far, waiting up to {@code millis} for the stream to end. */
    String stderrTail(long millis);

    boolean isAlive();

    /** How it ended ("exit status 255"), waiting up to {@code millis}; "still running" if it has not. */
    String describeExit(long millis);

    /** The command as a user would recognise it. */
    String describe();

    /** Closes its standard input (the far side reads EOF and ends), then ends it if it does not. Idempotent. */
    @Override
    void close();
}
