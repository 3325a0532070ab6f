package io.distest.worker.runner;

import java.lang.management.ManagementFactory;

/**
 * The processor time the whole worker JVM has used (every thread), from the JDK's management bean. A unit's share
 * of it, against its wall time, says how many cores it kept busy: what the build's worker budget needs to know
 * before it starts a second JVM that warms the same framework up on the same cores.
 */
final class ProcessCpu {
    private static final com.sun.management.OperatingSystemMXBean BEAN = bean();

    private ProcessCpu() {}

    /** Nanoseconds of processor time since the JVM began; -1 where the JVM does not tell. */
    static long nanos() {
        try {
            return BEAN == null ? -1 : BEAN.getProcessCpuTime();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** The milliseconds used between two {@link #nanos()} readings; -1 if either is unknown. */
    static long millisBetween(long before, long after) {
        return before < 0 || after < before ? -1 : (after - before) / 1_000_000;
    }

    private static com.sun.management.OperatingSystemMXBean bean() {
        try {
            return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                    ? os : null;
        } catch (LinkageError | RuntimeException e) { // a JVM without the jdk.management module
            return null;
        }
    }
}
