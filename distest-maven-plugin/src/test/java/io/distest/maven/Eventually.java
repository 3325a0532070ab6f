package io.distest.maven;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The one way tests wait for something another process or thread does: poll with a deadline, never a fixed
 * sleep followed by an assertion. Returns as soon as the condition holds; the caller asserts on what it returns.
 */
public final class Eventually {
    private static final long POLL_MILLIS = 50;

    private Eventually() {}

    /** Reads {@code value} until {@code done} accepts it or {@code timeout} passed; returns the last value read. */
    public static <T> T value(Duration timeout, Supplier<T> value, Predicate<? super T> done) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = value.get();
        while (!done.test(last) && System.nanoTime() < deadline) {
            Thread.sleep(POLL_MILLIS);
            last = value.get();
        }
        return last;
    }

    /** Whether {@code condition} came to hold within {@code timeout}. */
    public static boolean holds(Duration timeout, Supplier<Boolean> condition) throws InterruptedException {
        return value(timeout, condition, Boolean::booleanValue);
    }
}
