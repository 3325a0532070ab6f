package io.distest.maven.report;

import io.distest.maven.schedule.TestUnit;
import io.distest.protocol.ReportFile;
import io.distest.protocol.TestFinished;
import io.distest.protocol.TestId;
import io.distest.protocol.TestTimedOut;
import io.distest.protocol.UnitFinished;
import io.distest.protocol.UnitUsed;
import io.distest.protocol.WorkerFacts;

/**
 * The run's one event stream: what the worker pool and the run loop did, heard by every listener of the run —
 * Surefire's reporting, durations and efficiency, the timeline, the dist=each summary — composed by
 * {@link RunObservers}, which also decides what an observer that throws means. Called on the run loop's thread;
 * must be quick. One method per event, each a default that does nothing.
 */
public interface RunObserver {
    /**
     * The gateway of {@code spec} was opened (connected, and for remote ones synced) between two {@link System#nanoTime}
     * readings; the last {@code syncMillis} of it were the sync.
     */
    default void gatewayOpened(String spec, long startNanos, long endNanos, long syncMillis) {}

    /** A worker JVM is being started from {@code spec} (a replacement keeps its id). */
    default void workerStarted(String workerId, String spec, String group) {}

    /** The worker died running {@code unit}; {@code rest} (or {@code null}) holds its tests not run yet, requeued. */
    default void unitLost(String workerId, TestUnit unit, TestUnit rest, String cause) {}

    /** Work stealing took back {@code unit}, which the worker had been counted as running. */
    default void unitRevoked(String workerId, TestUnit unit) {}

    /** The workers are started; tests are about to run. */
    default void runStarted() {}

    /**
     * A unit was added during the run: the tests of a lost unit not run yet, or failures to run again; its class
     * waits for it. {@code rerun}: its tests ran before (Surefire reports those runs apart).
     */
    default void unitAdded(TestUnit unit, boolean rerun) {}

    /**
     * A worker said hello: the {@code number}-th of the pool (from 0, kept by its replacements), started from
     * {@code spec}, of gateway group {@code group}, on {@code facts}' platform.
     */
    default void workerConnected(String workerId, String group, int number, String spec, WorkerFacts facts) {}

    /** A test (or container) of the worker's running unit started. */
    default void testStarted(String workerId, TestId test) {}

    /** What the running test printed. */
    default void testOutput(String workerId, boolean stderr, String text) {}

    /** The running test passed the test timeout; the worker ends itself and says so first. */
    default void testTimedOut(String workerId, TestTimedOut timedOut) {}

    /**
     * The worker finished the unit: its own clock's times ({@link UnitFinished#elapsedMillis}: the whole unit), and
     * an error when it could not run it at all (class not found, discovery failed).
     */
    default void unitFinished(String workerId, TestUnit unit, UnitFinished finished) {}

    /** The run ended the worker while it ran {@code unit} (the run timeout); nothing of it is requeued. */
    default void unitAbandoned(String workerId, TestUnit unit, String reason) {}

    /** No worker will run {@code unit}: skipped after too many failures (skipAfterFailureCount). */
    default void unitSkipped(TestUnit unit, String reason) {}

    /** No worker can run {@code unit} (none left, the run timeout): it errs, saying {@code why}. */
    default void unitNotRun(TestUnit unit, String why) {}

    /** A report file written by the worker's Surefire provider (TestNG's own reports). */
    default void reportFile(ReportFile file) {}

    /** A worker connected, {@code secondsSinceStart} after its JVM was started. */
    default void workerReady(String workerId, double secondsSinceStart) {}

    /** A worker that was ready left the run (lost, or retired with reuseForks=false). */
    default void workerGone(String workerId) {}

    /** A worker began running a unit (it may have held it a while). */
    default void unitStarted(String workerId, TestUnit unit) {}

    /** A test (or container) of the worker's running unit ended, with its outcome. */
    default void testFinished(String workerId, TestUnit unit, TestFinished finished) {}

    /** What the worker's dependency agent saw the unit use (only with {@code distest.affected}); its end follows. */
    default void unitUsed(String workerId, TestUnit unit, UnitUsed used) {}

    /** Every unit has run (or could not); {@code wallNanos} from the start of the run. */
    default void runFinished(long wallNanos) {}
}
