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
 * @param cpuMillis the processor time the whole worker JVM used during the unit (every thread: the tests', the
 *     JIT's, the collector's, a framework's own): how much of the machine's cores the unit kept busy, which tells a
 *     warm-up that competes with other JVMs for cores from one that mostly waits; -1 where the JVM does not tell
 */
public record UnitFinished(int unitId, long elapsedMillis, long suiteMillis, ThrowableInfo error, String fixture,
        long queuedMillis, long cpuMillis) implements Message {

    public UnitFinished {
        fixture = fixture == null ? "" : fixture;
        queuedMillis = Math.max(0, Math.min(queuedMillis, elapsedMillis));
        cpuMillis = Math.max(-1, cpuMillis);
    }

    public UnitFinished(int unitId, long elapsedMillis, long suiteMillis, ThrowableInfo error, String fixture,
            long queuedMillis) {
        this(unitId, elapsedMillis, suiteMillis, error, fixture, queuedMillis, -1);
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
