package io.distest.protocol;

/**
 * A unit ended; the worker is ready for more.
 *
 * @param error a failure to run the unit at all (class not found, discovery error), or {@code null}
 */
public record UnitFinished(int unitId, long elapsedMillis, ThrowableInfo error) implements Message {}
