package io.distest.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The one way distest's tests wait for something another thread or process does: check, pause briefly, check
 * again, until it holds or the deadline passes. A fixed sleep followed by an assertion is either slow or flaky;
 * this is neither, and on timeout it says what it waited for.
 */
public final class Poll {
    private static final long PAUSE_MILLIS = 20;

    private Poll() {}

    /**
     * Waits until {@code condition} holds.
     *
     * @param what says what was awaited and, evaluated only on timeout, what was seen instead
     * @throws AssertionError if it does not hold within {@code timeout}
     */
    public static void until(Duration timeout, BooleanSupplier condition, Supplier<String> what)
            throws InterruptedException {
        if (!within(timeout, condition)) {
            throw new AssertionError("waited " + timeout.toMillis() + " ms for " + what.get());
        }
    }

    /** Whether {@code condition} came to hold within {@code timeout}, for callers that report a miss themselves. */
    public static boolean within(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        return value(timeout, condition::getAsBoolean, Boolean::booleanValue);
    }

    /**
     * Reads {@code value} until {@code done} accepts it or {@code timeout} passes, and returns the last value read:
     * the caller asserts on it, so a miss shows what was there instead.
     */
    public static <T> T value(Duration timeout, Supplier<T> value, Predicate<? super T> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = value.get();
        while (!done.test(last) && System.nanoTime() - deadline < 0) {
            Thread.sleep(PAUSE_MILLIS);
            last = value.get();
        }
        return last;
    }
}
