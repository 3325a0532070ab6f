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
 * @param fixture the in-JVM cached fixture the unit's class used, by the framework's own cache key ({@code
 *     spring:} and a hash of its context configuration); empty when none is known. Classes with the same fixture
 *     share it when they run in one JVM, so the build keeps them together.
 * @param queuedMillis how much of {@code elapsedMillis} the thread that ran the unit spent ready to run but waiting
 *     for a core (other JVMs, the build, the JIT had them): what contention added, not what the unit costs; 0 where
 *     the operating system does not tell
 */
public record UnitFinished(int unitId, long elapsedMillis, long suiteMillis, ThrowableInfo error, String fixture,
        long queuedMillis) implements Message {

    public UnitFinished {
        fixture = fixture == null ? "" : fixture;
        queuedMillis = Math.max(0, Math.min(queuedMillis, elapsedMillis));
    }

    public UnitFinished(int unitId, long elapsedMillis, long suiteMillis, ThrowableInfo error, String fixture) {
        this(unitId, elapsedMillis, suiteMillis, error, fixture, 0);
    }

    public UnitFinished(int unitId, long elapsedMillis, long suiteMillis, ThrowableInfo error) {
        this(unitId, elapsedMillis, suiteMillis, error, "");
    }

    /** A unit whose report time is its whole time (a run of one of Surefire's own providers). */
    public UnitFinished(int unitId, long elapsedMillis, ThrowableInfo error) {
        this(unitId, elapsedMillis, elapsedMillis, error, "");
    }

    /** What the unit took on a core of its own: its time without the waits for a busy core. */
    public long ownMillis() {
        return elapsedMillis - queuedMillis;
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
