package io.distest.maven.standby;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How many of the machine's cores were idle between two looks, from Linux's {@code /proc/stat}: a standby worker
 * JVM starts on a core nobody else wants, never on one a compiler would have had. Not thread-safe: {@link Standbys}
 * looks under its lock.
 */
final class IdleCores {
    private static final Path STAT = Path.of("/proc/stat");
    private final int cores = Runtime.getRuntime().availableProcessors();
    private long idle = -1;
    private long total = -1;

    /**
     * The cores idle since the last call (the first call: since the machine started); {@code cores} where the
     * machine does not say (then every core counts as idle, as before this check).
     */
    double sinceLastLook() {
        long[] now = read();
        if (now == null) {
            return cores;
        }
        long idleDelta = idle < 0 ? now[0] : now[0] - idle;
        long totalDelta = total < 0 ? now[1] : now[1] - total;
        idle = now[0];
        total = now[1];
        return totalDelta <= 0 ? 0 : cores * (double) idleDelta / totalDelta;
    }

    /** {@code [idle + iowait, all]} jiffies of the machine's first line, or null. */
    private static long[] read() {
        try {
            String line = Files.readAllLines(STAT).get(0); // cpu  user nice system idle iowait irq softirq steal ...
            String[] fields = line.trim().split("\\s+");
            long all = 0;
            for (int i = 1; i < Math.min(fields.length, 9); i++) {
                all += Long.parseLong(fields[i]);
            }
            return new long[] {Long.parseLong(fields[4]) + Long.parseLong(fields[5]), all};
        } catch (IOException | RuntimeException | Error notLinux) {
            return null;
        }
    }
}
