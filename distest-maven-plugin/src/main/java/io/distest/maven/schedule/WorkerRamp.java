package io.distest.maven.schedule;

import java.util.ArrayList;
import java.util.List;

/**
 * Without a durations history, when the local workers held back start. {@link WorkerBudget} decides the count
 * before a run from what the history says the tests take; a run without one cannot know, and on the build
 * machine's cores every worker JVM more costs a start-up and a JIT warm-up that a short suite never wins back
 * (4,800 trivial tests ran slower on two workers than Surefire's single fork). So the first worker starts alone,
 * and the others once the run's own classes put its test time at {@code distest.minTestSecondsPerWorker} or more
 * for each of them, as the budget's rule would with a history:
 * <pre>workers = floor((finished + running + waiting units x typical unit / cold) / minimum per worker)</pre>
 * The typical unit is the median of the last finished ones (the first carry their JVM's warm-up), or, before any
 * finished, the one running. Until the minimum has passed since the first worker was ready, the rule is asked only
 * once a few units finished. And it leaves room for what a cold JVM adds: a class that keeps a core busy runs up to
 * four times slower in a JVM's first second than later, less and less as the JIT catches up (the trivial suite's
 * first classes projected 16 s, and its classes at 3 s still 6.5 s, where it takes 5), while a class that waits
 * (I/O, sleeps) runs no slower cold.
 */
public final class WorkerRamp {
    /** Finished units before their median counts, until the minimum has passed. */
    static final int UNITS_TO_JUDGE = 4;
    /** The last finished units the typical one is taken from. */
    static final int RECENT = 8;
    /** How much slower a cold JVM runs a class that keeps a core busy, at most, in its first second. */
    static final double COLD_FACTOR = 4;
    /** How many minimums per worker it takes a JVM to lose most of that (1/e of it). */
    static final double COLD_FADES_IN_MINIMUMS = 2;

    private final long minMillisPerWorker;
    private final List<Long> finished = new ArrayList<>();
    private long finishedMillis;
    private long knownCpuMillis;
    private long knownCpuElapsedMillis;
    private long projectedMillis;
    private int held;

    /**
     * @param held the workers that wait
     * @param minTestSecondsPerWorker test seconds each started worker must have ({@code > 0})
     */
    public WorkerRamp(int held, double minTestSecondsPerWorker) {
        if (held < 0 || !(minTestSecondsPerWorker > 0)) {
            throw new IllegalArgumentException("a ramp holds >= 0 workers for > 0 s each, got " + held + " and "
                    + minTestSecondsPerWorker);
        }
        this.held = held;
        this.minMillisPerWorker = Math.round(minTestSecondsPerWorker * 1000);
    }

    /** The workers still waiting. */
    public int held() {
        return held;
    }

    /** The run's test time as the last {@link #release} projected it. */
    public long projectedMillis() {
        return projectedMillis;
    }

    /**
     * @param millis the unit's time
     * @param cpuMillis the processor time its JVM used meanwhile; negative: not known (counted as a busy core)
     */
    public void unitFinished(long millis, long cpuMillis) {
        long elapsed = Math.max(0, millis);
        finished.add(elapsed);
        finishedMillis += elapsed;
        knownCpuMillis += cpuMillis < 0 ? elapsed : cpuMillis;
        knownCpuElapsedMillis += elapsed;
    }

    /**
     * How many of the held workers to start now; they are no longer held.
     *
     * @param started workers started so far
     * @param waiting units no worker has taken yet
     * @param runningMillis how long the unit running longest has run (0: none runs)
     * @param sinceFirstMillis how long since the first worker was ready
     */
    public int release(int started, int waiting, long runningMillis, long sinceFirstMillis) {
        if (held == 0 || waiting == 0) {
            return 0;
        }
        boolean early = sinceFirstMillis < minMillisPerWorker;
        if (early && finished.size() < UNITS_TO_JUDGE) {
            return 0;
        }
        long typical = finished.isEmpty() ? runningMillis : recentMedian();
        double cold = 1 + (COLD_FACTOR - 1) * busyShare()
                * Math.exp(-sinceFirstMillis / (COLD_FADES_IN_MINIMUMS * minMillisPerWorker));
        long projected = finishedMillis + runningMillis + Math.round(waiting * typical / cold);
        projectedMillis = projected;
        long affordable = projected / minMillisPerWorker;
        int released = (int) Math.max(0, Math.min(held, affordable - started));
        held -= released;
        return released;
    }

    /** No started worker is left (lost, no restart left): every held worker starts, so that the rest still runs. */
    public int releaseAll() {
        int released = held;
        held = 0;
        return released;
    }

    /** How much of the finished units' time their JVM kept a core busy, 0 to 1. */
    private double busyShare() {
        return knownCpuElapsedMillis == 0 ? 1 : Math.min(1, (double) knownCpuMillis / knownCpuElapsedMillis);
    }

    private long recentMedian() {
        List<Long> sorted = new ArrayList<>(finished.subList(Math.max(0, finished.size() - RECENT), finished.size()));
        sorted.sort(null);
        return sorted.get((sorted.size() - 1) / 2); // the lower one: a few cold classes do not start a JVM
    }
}
