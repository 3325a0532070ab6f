package io.distest.maven.gateway;

import java.util.concurrent.CompletableFuture;

/** A started worker JVM, here or on a far side: how it ended, what it printed, how to end it. */
public interface WorkerHandle {

    /** Waits up to {@code millis} for the end, then describes it ("exit code 3", "killed by signal 9 (SIGKILL)"). */
    String describeExit(long millis);

    /** The last lines the JVM printed outside tests. */
    String tail(int lines);

    /** Where to look for its whole output, and its pid or host. */
    String where();

    /** Completes when the JVM has ended. */
    CompletableFuture<?> onExit();

    /** Ends the JVM and everything it started. */
    void destroy();
}
