package io.distest.maven.schedule;

import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * How many of the requested load-scheduled workers are worth starting. Never more than there are units to run: a
 * worker without a unit is a JVM started for nothing. And every extra worker JVM costs a start-up and a JIT warm-up,
 * which a run with little test time never wins back: with a durations history that knows every selected class,
 * {@code n = min(requested, units, max(1, floor(expected test time / minimum per worker)))}; otherwise
 * {@code min(requested, units)}.
 *
 * <p>The rule is linear in the expected test time on purpose. Class times measured in a run with several cold JVMs
 * are inflated (each JVM warms up its own JIT), so a rule that only asks each worker to earn back one JVM start-up
 * would keep itself true once it had started them; a per-worker minimum well above that inflation lets a too-high
 * count fall back run by run while the history's means settle (see {@code WorkerBudgetTest}).
 */
public final class WorkerBudget {
    /**
     * The count decided.
     *
     * @param requested how many workers the tx specs ask for
     * @param started how many to start: {@code 1 <= started <= requested}
     * @param expectedMillis the history's sum over the selected classes; -1 when it does not know them all
     * @param reason why fewer than requested start, for the build log; empty when all start
     */
    public record Decision(int requested, int started, long expectedMillis, String reason) {
        public Decision {
            if (started < 1 || started > requested) {
                throw new IllegalArgumentException("started must be in 1.." + requested + ", got " + started);
            }
        }

        /** Whether some requested workers are left out. */
        public boolean trimmed() {
            return started < requested;
        }
    }

    private final double minTestSecondsPerWorker;
    private final int cores;

    /** @param minTestSecondsPerWorker expected test seconds each started worker must have; 0 starts every worker */
    public WorkerBudget(double minTestSecondsPerWorker) {
        this(minTestSecondsPerWorker, Runtime.getRuntime().availableProcessors());
    }

    /**
     * @param cores the cores the workers share while frameworks warm up (the build machine's: the usual workers are
     *     its own JVMs)
     */
    public WorkerBudget(double minTestSecondsPerWorker, int cores) {
        if (cores < 1) {
            throw new IllegalArgumentException("cores must be >= 1, got " + cores);
        }
        this.cores = cores;
        if (!(minTestSecondsPerWorker >= 0) || Double.isInfinite(minTestSecondsPerWorker)) {
            throw new IllegalArgumentException("distest.minTestSecondsPerWorker must be a number of seconds >= 0 (0 starts"
                    + " every worker), got " + minTestSecondsPerWorker);
        }
        this.minTestSecondsPerWorker = minTestSecondsPerWorker;
    }

    /**
     * @param units the selected units; a unit narrowed to some methods counts as its whole class (an over-estimate:
     *     it can only start more workers, never fewer)
     */
    public Decision decide(DurationHistory history, List<TestUnit> units, int requested) {
        Decision capped = atMostOnePerUnit(units, requested);
        long expected = expectedMillis(history, units);
        int useful = capped.started();
        if (minTestSecondsPerWorker == 0 || useful == 1 || expected < 0) {
            return new Decision(requested, useful, expected, capped.reason());
        }
        long affordable = (long) Math.floor(expected / (minTestSecondsPerWorker * 1000));
        int started = (int) Math.min(useful, Math.max(1, affordable));
        String reason = started == useful ? capped.reason() : String.format(Locale.ROOT, "the durations history puts"
                        + " this run's tests at %.1f s: %d workers would get less than %s s each"
                        + " (distest.minTestSecondsPerWorker); set it to 0 to start every worker", expected / 1000.0,
                started + 1, seconds(minTestSecondsPerWorker));
        int worthTheirFixtures = new Contention(history, cores).worthTheirFixtures(units, started);
        if (worthTheirFixtures < started) {
            started = worthTheirFixtures;
            reason = String.format(Locale.ROOT, "its classes share Spring contexts (or other fixtures): a worker more"
                    + " would cost more in starts and in cores taken from their warm-up than it saves");
        }
        return new Decision(requested, started, expected, reason);
    }

    /**
     * No more workers than units, whatever else decides: {@code min(requested, max(1, units))}. This alone is the rule
     * where nothing else thins the workers (dist=load without reused forks).
     */
    public static Decision atMostOnePerUnit(List<TestUnit> units, int requested) {
        if (requested < 1) {
            throw new IllegalArgumentException("requested must be >= 1, got " + requested);
        }
        int started = Math.min(requested, Math.max(1, units.size()));
        String reason = started == requested ? "" : String.format(Locale.ROOT,
                "only %d test unit%s to run", units.size(), units.size() == 1 ? "" : "s");
        return new Decision(requested, started, -1, reason);
    }

    /**
     * The history's time of every selected class, each counted once, and of starting each fixture they share (and
     * warming up its framework) once;
     * -1 when a class is unknown or none is selected.
     */
    static long expectedMillis(DurationHistory history, List<TestUnit> units) {
        if (units.isEmpty()) {
            return -1;
        }
        long sum = 0;
        Set<String> fixtures = new TreeSet<>();
        for (String className : units.stream().map(TestUnit::className).distinct().toList()) {
            OptionalLong millis = history.classMillis(className);
            if (millis.isEmpty()) {
                return -1;
            }
            sum += millis.getAsLong();
            String fixture = history.fixture(className);
            fixtures.add(fixture);
            fixtures.add(FixtureBlocks.framework(fixture));
        }
        fixtures.remove("");
        return sum + fixtures.stream().mapToLong(history::fixtureStartMillis).sum();
    }

    private static String seconds(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%.1f", value) : Double.toString(value);
    }
}
