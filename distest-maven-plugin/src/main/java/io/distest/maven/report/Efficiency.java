package io.distest.maven.report;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * How close a run came to the best it could have done: {@code ideal = max(test time / workers, longest unit) +
 * one JVM start-up}, against the wall time it took; and which unit was on the critical path.
 *
 * @param wallMillis the run, from opening the gateways to the last result
 * @param testMillis the time workers spent running units, summed
 * @param startupMillis one JVM start-up: from starting a worker JVM to its connecting back, ready for work
 *     (the quickest of the first workers: the ideal is a bound)
 * @param firstTestMillis from starting a worker JVM (or handing a standby JVM over) to its first test (median):
 *     start-up plus the JUnit launcher
 * @param longest the longest unit
 * @param last the unit that ended last
 * @param lastWorkersLongest the longest unit of the worker that ended last: what held the run up
 */
public record Efficiency(long wallMillis, int workers, long testMillis, long startupMillis, long firstTestMillis, UnitRun longest,
        UnitRun last, UnitRun lastWorkersLongest) {

    /**
     * One unit as it ran.
     *
     * @param endMillis when it ended, from the start of the run
     */
    public record UnitRun(String workerId, String label, long elapsedMillis, long endMillis) {}

    public static Efficiency of(long wallMillis, int workers, List<UnitRun> units, long startupMillis, long firstTestMillis) {
        long testMillis = units.stream().mapToLong(UnitRun::elapsedMillis).sum();
        UnitRun longest = units.stream().max(Comparator.comparingLong(UnitRun::elapsedMillis)).orElse(null);
        UnitRun last = units.stream().max(Comparator.comparingLong(UnitRun::endMillis)).orElse(null);
        UnitRun lastWorkersLongest = last == null ? null : units.stream()
                .filter(unit -> unit.workerId().equals(last.workerId()))
                .max(Comparator.comparingLong(UnitRun::elapsedMillis)).orElse(null);
        return new Efficiency(wallMillis, workers, testMillis, startupMillis, firstTestMillis, longest, last,
                lastWorkersLongest);
    }

    long longestMillis() {
        return longest == null ? 0 : longest.elapsedMillis();
    }

    public long idealMillis() {
        return Math.max((testMillis + workers - 1) / workers, longestMillis()) + startupMillis;
    }

    /** Ideal over actual, in percent (100: nothing to gain; above 100 only by measurement noise). */
    public int percent() {
        return wallMillis <= 0 ? 100 : (int) Math.round(100.0 * idealMillis() / wallMillis);
    }

    /** Whether the longest unit, which held up the worker that ended last, is longer than a fair share of the run. */
    public boolean bounds() {
        return lastWorkersLongest != null && lastWorkersLongest.equals(longest) && longestMillis() * workers >= testMillis;
    }

    /** The line printed at the end of every run. */
    String line() {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "distest: %s wall, %s of tests on %d worker%s: efficiency %d %% of the ideal %s"
                        + " (max(%s / %d, longest unit %s) + JVM start-up %s; first test %s after JVM start)",
                seconds(wallMillis), seconds(testMillis), workers, workers == 1 ? "" : "s", percent(),
                seconds(idealMillis()), seconds(testMillis), workers, seconds(longestMillis()), seconds(startupMillis),
                seconds(firstTestMillis)));
        if (lastWorkersLongest != null) {
            line.append("; critical path: ").append(last.workerId()).append(" ended last, its longest unit ")
                    .append(lastWorkersLongest.label()).append(" took ").append(seconds(lastWorkersLongest.elapsedMillis()));
            if (bounds()) {
                line.append(", more than a fair share: it bounds the run");
            }
        }
        return line.toString();
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
