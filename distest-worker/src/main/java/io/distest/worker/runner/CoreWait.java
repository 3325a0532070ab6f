package io.distest.worker.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How long the calling thread has been ready to run but waiting for a core, from Linux's per-thread scheduler
 * statistics ({@code /proc/thread-self/schedstat}: time on a core, time waiting in the run queue, slices). A unit's
 * share of it is what other processes added to its time, which the build leaves out of what the unit costs.
 */
final class CoreWait {
    private static final Path SCHEDSTAT = Path.of("/proc/thread-self/schedstat");
    private static volatile boolean available = Files.isReadable(SCHEDSTAT);

    private CoreWait() {}

    /** Nanoseconds this thread has waited for a core since it began; -1 where the system does not tell. */
    static long nanos() {
        if (!available) {
            return -1;
        }
        try {
            String[] fields = Files.readString(SCHEDSTAT).trim().split("\\s+");
            return Long.parseLong(fields[1]);
        } catch (IOException | RuntimeException e) {
            available = false;
            return -1;
        }
    }

    /** The milliseconds waited between two {@link #nanos()} readings; 0 if either is unknown. */
    static long millisBetween(long before, long after) {
        return before < 0 || after < before ? 0 : (after - before) / 1_000_000;
    }
}
