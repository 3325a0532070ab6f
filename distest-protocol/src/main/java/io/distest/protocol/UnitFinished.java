package io.distest.protocol;

/**
 * A unit ended; the worker is ready for more.
 *
 * @param elapsedMillis the whole unit on the worker (discovery, execution, sending its events): what scheduling, the
 *     durations history and the efficiency figure use
 * @param suiteMillis the unit's time as its report shows it, measured as Surefire measures a test set: from its
 *     class starting to its class ending, so discovery and the engine's own start are not in it; equal to
 *     {@code elapsedMillis} when no class was timed (a unit that failed before its class started, a provider run)
 * @param error a failure to run the unit at all (class not found, discovery error), or {@code null}
 */
public record UnitFinished(int unitId, long elapsedMillis, long suiteMillis, ThrowableInfo error) implements Message {

    /** A unit whose report time is its whole time. */
    public UnitFinished(int unitId, long elapsedMillis, ThrowableInfo error) {
        this(unitId, elapsedMillis, elapsedMillis, error);
    }
}
