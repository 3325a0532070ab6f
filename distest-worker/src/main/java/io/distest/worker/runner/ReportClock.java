package io.distest.worker.runner;

/**
 * Turns two {@link System#nanoTime} readings into the milliseconds a report shows, as Surefire measures them: the
 * difference of two readings of a millisecond clock, not the elapsed nanoseconds rounded down.
 *
 * <p>Surefire's JUnit Platform provider subtracts two {@code System.currentTimeMillis()} readings. For a test that
 * takes 0.3 ms that gives 1 ms in about three runs of ten and 0 otherwise: on average the true time. Rounding the
 * nanoseconds down would give 0 every time, so a suite of 5,000 sub-millisecond tests would show seconds less test
 * time than Surefire shows for the same work, and that time would seem to be spent between the tests. Reading the
 * monotonic clock at millisecond resolution keeps Surefire's estimate without its jumps when the wall clock is set.
 */
final class ReportClock {
    private static final long NANOS_PER_MILLI = 1_000_000L;

    private ReportClock() {}

    /** The milliseconds between two {@link System#nanoTime} readings, read as a millisecond clock would. */
    static long millisBetween(long startNanos, long endNanos) {
        return Math.floorDiv(endNanos, NANOS_PER_MILLI) - Math.floorDiv(startNanos, NANOS_PER_MILLI);
    }
}
