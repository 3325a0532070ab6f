package io.distest.maven.report;

import io.distest.maven.schedule.TestUnit;
import io.distest.protocol.Outcome;
import io.distest.protocol.TestFinished;
import io.distest.protocol.UnitFinished;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;

/**
 * Feeds the run's events to a {@link Progress} and shows it on the {@link StatusLine}: tests done, failures so far,
 * classes done and the time left, redrawn as results come. With the line off (CI, {@code -B}, a redirected
 * output) it draws nothing.
 */
public final class ProgressObserver implements RunObserver {
    private final Progress progress;
    private final StatusLine line;

    /**
     * @param units the planned units
     * @param expectedMillis a unit's expected duration from the durations history; 0 when it never ran
     */
    public ProgressObserver(List<TestUnit> units, ToLongFunction<TestUnit> expectedMillis, StatusLine line,
            LongSupplier nanoTime) {
        this.progress = new Progress(units, expectedMillis, nanoTime);
        this.line = line;
    }

    @Override
    public void workerReady(String workerId, double secondsSinceStart) {
        progress.workerReady();
        show();
    }

    @Override
    public void workerGone(String workerId) {
        progress.workerGone();
        show();
    }

    @Override
    public void unitStarted(String workerId, TestUnit unit) {
        progress.unitStarted(unit);
        show();
    }

    @Override
    public void unitRevoked(String workerId, TestUnit unit) {
        progress.unitReturned(unit);
    }

    @Override
    public void unitLost(String workerId, TestUnit unit, TestUnit rest, String cause) {
        progress.unitReturned(unit);
        show();
    }

    @Override
    public void testFinished(String workerId, TestUnit unit, TestFinished finished) {
        progress.testFinished(finished.outcome() == Outcome.FAILED || finished.outcome() == Outcome.ERROR);
        show();
    }

    @Override
    public void unitFinished(String workerId, TestUnit unit, UnitFinished finished) {
        progress.unitFinished(unit);
        show();
    }

    @Override
    public void unitSkipped(TestUnit unit, String reason) {
        progress.unitFinished(unit);
    }

    @Override
    public void unitNotRun(TestUnit unit, String why) {
        progress.unitFinished(unit);
    }

    /** The summary follows: the line goes. */
    @Override
    public void runFinished(long wallNanos) {
        line.close();
    }

    private void show() {
        line.show(progress::describe); // made only when drawn: never when off, a few times a second when on
    }
}
