package io.distest.maven.gateway;

/** TEMPORARY: phase timestamps for the ssh start, printed when $DISTEST_TRACE is set. */
public final class Trace {
    private static final boolean ON = System.getenv("DISTEST_TRACE") != null;
    private static final long T0 = System.nanoTime();

    private Trace() {}

    public static void mark(String what) {
        if (ON) {
            System.err.printf("[trace %s] %8.3f %s%n", java.time.LocalTime.now(), (System.nanoTime() - T0) / 1e9, what);
        }
    }
}
