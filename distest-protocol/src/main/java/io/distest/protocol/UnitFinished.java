package io.distest.protocol;

/**
 * A unit ended; the worker is ready for more.
 *
 * @param elapsedMillis the whole unit on the worker (discovery, execution, sending its events): what scheduling, the
 *     durations history and the efficiency figure use
 * @param suiteMillis the unit's time as its report shows it, measured as Surefire measures a test set: from its
 *     class starting to its class ending, so discovery and the engine's own start are not in it; {@code -1} when no
 *     class container ran (a unit whose class has no test for the engines there, one that failed before its class
 *     started)
 * @param error a failure to run the unit at all (class not found, discovery error), or {@code null}
 */
public record UnitFinished(int unitId, long elapsedMillis, long suiteMillis, ThrowableInfo error) implements Message {

    /** A unit whose report time is its whole time (a run of one of Surefire's own providers). */
    public UnitFinished(int unitId, long elapsedMillis, ThrowableInfo error) {
        this(unitId, elapsedMillis, elapsedMillis, error);
    }

    /** Whether a class container of the unit ran: Surefire then writes its report, with or without a case. */
    public boolean classRan() {
        return suiteMillis >= 0;
    }

    /** The unit's time in its report: its class's, else its whole time. */
    public long reportMillis() {
        return classRan() ? suiteMillis : elapsedMillis;
    }
}
