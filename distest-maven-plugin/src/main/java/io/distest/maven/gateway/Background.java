package io.distest.maven.gateway;

import io.distest.shared.Threads;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Work a gateway's start does beside its round trips, each on a daemon thread of its own: not the common pool,
 * whose one or two threads (on a small machine) may be taken by anything else in the build.
 */
public final class Background {
    private Background() {}

    public static <T> CompletableFuture<T> supply(String threadName, Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Threads.start(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        }, threadName);
        return result;
    }
}
