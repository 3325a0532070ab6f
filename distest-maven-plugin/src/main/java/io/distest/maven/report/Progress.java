package io.distest.maven.report;

import io.distest.maven.schedule.TestUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;

/**
 * Where a run stands, in a person's terms: tests done, failures so far, classes done of all, and when it should
 * end. The estimate comes from the durations history (what is left of every unit's expected time, spread over the
 * workers); without a history, from the pace of the classes finished so far. Fed by the run loop's thread.
 */
public final class Progress {
    private final int unitsTotal;
    private final ToLongFunction<TestUnit> expectedMillis;
    private final LongSupplier nanoTime;
    private final long startNanos;
    private final Map<Integer, Long> runningSince = new HashMap<>();
    private long expectedLeftMillis;
    private long expectedKnownUnits;
    private int unitsDone;
    private int workers;
    private long testsDone;
    private long failed;

    /** @param expectedMillis a unit's expected duration from the history; 0 when it never ran */
    public Progress(List<TestUnit> units, ToLongFunction<TestUnit> expectedMillis, LongSupplier nanoTime) {
        this.unitsTotal = units.size();
        this.expectedMillis = expectedMillis;
        this.nanoTime = nanoTime;
        this.startNanos = nanoTime.getAsLong();
        for (TestUnit unit : units) {
            long expected = expectedMillis.applyAsLong(unit);
            expectedLeftMillis += expected;
            expectedKnownUnits += expected > 0 ? 1 : 0;
        }
    }

    public void workerReady() {
        workers++;
    }

    public void workerGone() {
        workers = Math.max(0, workers - 1);
    }

    public void unitStarted(TestUnit unit) {
        runningSince.put(unit.id(), nanoTime.getAsLong());
    }

    /** A unit given back (stolen, or its worker died): its time is not spent yet. */
    public void unitReturned(TestUnit unit) {
        runningSince.remove(unit.id());
    }

    public void testFinished(boolean failedOrError) {
        testsDone++;
        failed += failedOrError ? 1 : 0;
    }

    /** Counts whole classes only; a unit re-run or split counts where its class is done the first time. */
    public void unitFinished(TestUnit unit) {
        runningSince.remove(unit.id());
        if (unitsDone < unitsTotal) {
            unitsDone++;
        }
        expectedLeftMillis = Math.max(0, expectedLeftMillis - expectedMillis.applyAsLong(unit));
    }

    /** E.g. {@code "1,234 tests, 3 failed · 45/120 classes · about 1m 20s left"}. */
    public String describe() {
        StringBuilder line = new StringBuilder(String.format("%,d tests", testsDone));
        if (failed > 0) {
            line.append(String.format(", %,d failed", failed));
        }
        line.append(" · ").append(unitsDone).append('/').append(unitsTotal).append(" classes");
        long left = millisLeft();
        if (left >= 0) {
            line.append(" · about ").append(duration(left)).append(" left");
        }
        return line.toString();
    }

    /** The estimate, or -1 when there is nothing to base one on yet. */
    long millisLeft() {
        if (unitsDone >= unitsTotal) {
            return 0;
        }
        int parallel = Math.max(1, workers);
        long now = nanoTime.getAsLong();
        if (expectedKnownUnits * 2 >= unitsTotal) { // a history for most classes: trust it
            long spentOnRunning = runningSince.values().stream().mapToLong(since -> (now - since) / 1_000_000).sum();
            return Math.max(0, expectedLeftMillis - spentOnRunning) / parallel;
        }
        if (unitsDone == 0) {
            return -1;
        }
        long elapsedMillis = (now - startNanos) / 1_000_000;
        return elapsedMillis * (unitsTotal - unitsDone) / unitsDone;
    }

    static String duration(long millis) {
        long seconds = (millis + 999) / 1000;
        if (seconds < 60) {
            return seconds + "s";
        }
        long minutes = seconds / 60;
        return minutes < 60 ? minutes + "m " + seconds % 60 + "s" : minutes / 60 + "h " + minutes % 60 + "m";
    }
}
