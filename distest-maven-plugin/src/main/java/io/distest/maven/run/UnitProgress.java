package io.distest.maven.run;

import io.distest.maven.schedule.TestUnit;
import io.distest.protocol.Outcome;
import io.distest.protocol.TestFinished;
import io.distest.protocol.TestId;
import java.util.ArrayList;
import java.util.List;

/**
 * What the run loop must know of the unit a worker runs, to decide: which of its tests have a result (the rest of a
 * lost unit goes to another worker), which failed (to run again), which one runs now. Reporting keeps its own record.
 */
final class UnitProgress {
    private TestUnit unit;
    private final List<String> results = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    /** Unique id of the test running now, or {@code null}; a test that starts is running until its result. */
    private String running;
    /** Id of the unit reporting was last told this worker started; -1 before the first, or after it gave one back. */
    private int announcedUnitId = -1;

    /** The worker started {@code unit}, unless that is the unit it already runs: whether it is a new start. */
    boolean startIfNew(TestUnit unit) {
        if (unit.id() == announcedUnitId) {
            return false;
        }
        announcedUnitId = unit.id();
        this.unit = unit;
        results.clear();
        failures.clear();
        return true;
    }

    /** The worker gave its unit back before starting it (work stealing): should it come back, it starts anew. */
    void givenBack() {
        announcedUnitId = -1;
    }

    void testStarted(TestId test) {
        if (unit.reports(test.uniqueId())) {
            running = test.uniqueId();
        }
    }

    void testFinished(TestFinished finished) {
        TestId test = finished.test();
        if (!unit.reports(test.uniqueId())) {
            return; // a test it did not ask for: a template runs whole, the unit keeps only what it wanted
        }
        results.add(test.uniqueId());
        if ((finished.outcome() == Outcome.FAILED || finished.outcome() == Outcome.ERROR) && test.methodName() != null) {
            failures.add(test.uniqueId());
        }
        if (test.uniqueId().equals(running)) {
            running = null;
        }
    }

    /** The running test passed the test timeout: it has its result (an error), and the worker ends. */
    void testTimedOut(TestId test) {
        results.add(test.uniqueId());
        running = null;
    }

    /** Unique ids of the tests that have (or, for the running one, are about to get) a result in the unit. */
    List<String> results() {
        List<String> all = new ArrayList<>(results);
        if (running != null) {
            all.add(running);
        }
        return all;
    }

    /** Unique ids of the tests that failed or erred in the unit. */
    List<String> failures() {
        return List.copyOf(failures);
    }

    /** Whether a test had started in the unit: a class that dies before any test is not worth a retry. */
    boolean anyTestStarted() {
        return running != null || !results.isEmpty();
    }
}
