package io.distest.maven.run;

import io.distest.maven.schedule.TestUnit;
import io.distest.protocol.TestFinished;

/**
 * Hears what the run loop does, for bookkeeping outside scheduling and reporting (durations, efficiency).
 * Called on the run loop's thread; must be quick.
 */
interface RunObserver {
    RunObserver NONE = new RunObserver() {};

    /** A worker connected, {@code secondsSinceStart} after its JVM was started. */
    default void workerReady(String workerId, double secondsSinceStart) {}

    /** A worker began running a unit (it may have held it a while). */
    default void unitStarted(String workerId, TestUnit unit) {}

    default void testFinished(String workerId, TestUnit unit, TestFinished finished) {}

    /** The worker finished the unit, taking {@code elapsedMillis} by its own clock. */
    default void unitFinished(String workerId, TestUnit unit, long elapsedMillis) {}

    /** Every unit has run (or could not); {@code wallNanos} from the start of the run. */
    default void runFinished(long wallNanos) {}
}
