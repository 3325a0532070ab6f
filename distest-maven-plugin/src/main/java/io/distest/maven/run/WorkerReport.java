package io.distest.maven.run;

import static org.apache.maven.surefire.api.report.RunMode.NORMAL_RUN;

import io.distest.maven.schedule.TestUnit;
import io.distest.protocol.Outcome;
import io.distest.protocol.TestFinished;
import io.distest.protocol.TestId;
import io.distest.protocol.ThrowableInfo;
import java.util.Map;
import org.apache.maven.surefire.api.report.SimpleReportEntry;
import org.apache.maven.surefire.api.report.TestOutputReportEntry;
import org.apache.maven.surefire.api.report.TestReportListener;

/** Turns one worker's events into Surefire report calls; remembers the running test to name it if the worker dies. */
final class WorkerReport {
    /** The error type a dead worker leaves in reports. */
    static final String CRASH_TYPE = "io.distest.WorkerCrashed";

    private final TestReportListener<TestOutputReportEntry> listener;
    private final Map<String, String> properties;
    private final Runnable onUnitCompleted;
    private TestUnit unit;
    private boolean setStarted;
    private long unitStartMillis;
    private TestId runningTest;
    private long runningTestStartMillis;

    WorkerReport(TestReportListener<TestOutputReportEntry> listener, Map<String, String> properties,
            Runnable onUnitCompleted) {
        this.listener = listener;
        this.properties = Map.copyOf(properties);
        this.onUnitCompleted = onUnitCompleted;
    }

    /** A unit begins; Surefire hears of it with its first event, so a class without tests leaves no report. */
    void unitStarting(TestUnit unit) {
        this.unit = unit;
        this.unitStartMillis = System.currentTimeMillis();
        this.setStarted = false;
    }

    private void ensureSetStarted() {
        if (!setStarted) {
            setStarted = true;
            listener.testSetStarting(new SimpleReportEntry(NORMAL_RUN, runId(), unit.className(), null, null, null,
                    properties));
        }
    }

    void testStarting(TestId test) {
        ensureSetStarted();
        runningTest = test;
        runningTestStartMillis = System.currentTimeMillis();
        listener.testStarting(entry(test, null, null));
    }

    void output(boolean stderr, String text) {
        ensureSetStarted();
        listener.writeTestOutput(new TestOutputReportEntry(text, !stderr, false, NORMAL_RUN, runId()));
    }

    void testFinished(TestFinished finished) {
        ensureSetStarted();
        TestId test = finished.test();
        int elapsed = (int) finished.elapsedMillis();
        switch (finished.outcome()) {
            case SUCCESSFUL -> listener.testSucceeded(entry(test, null, elapsed));
            case FAILED -> listener.testFailed(entry(test, trace(finished.throwable(), test), elapsed));
            case ERROR -> listener.testError(entry(test, trace(finished.throwable(), test), elapsed));
            case ABORTED -> listener.testAssumptionFailure(SimpleReportEntry.assumption(
                    NORMAL_RUN, runId(), className(test), null, test.methodName(), null, finished.reason()));
            case SKIPPED -> listener.testSkipped(SimpleReportEntry.ignored(
                    NORMAL_RUN, runId(), className(test), null, test.methodName(), null, finished.reason()));
        }
        if (test.equals(runningTest)) {
            runningTest = null;
        }
    }

    /** The unit ended normally; {@code error} is a failure to run it at all. */
    void unitFinished(long elapsedMillis, ThrowableInfo error) {
        if (error != null) {
            ensureSetStarted();
            listener.testError(new SimpleReportEntry(NORMAL_RUN, runId(), unit.className(), null, null, null,
                    trace(error, null), 0));
        }
        completeUnit((int) elapsedMillis);
    }

    /**
     * The worker died while running the current unit: the test it was in (or the class, between tests) is
     * reported as an error carrying {@code cause}.
     */
    void workerDied(String cause) {
        ensureSetStarted();
        ThrowableInfo crash = new ThrowableInfo(CRASH_TYPE, cause, CRASH_TYPE + ": " + cause + "\n");
        if (runningTest != null) {
            int elapsed = (int) (System.currentTimeMillis() - runningTestStartMillis);
            listener.testError(entry(runningTest, new RemoteStackTrace(crash, null), elapsed));
            runningTest = null;
        } else {
            listener.testError(new SimpleReportEntry(NORMAL_RUN, runId(), unit.className(), null, null, null,
                    new RemoteStackTrace(crash, null), 0));
        }
        completeUnit((int) (System.currentTimeMillis() - unitStartMillis));
    }

    private void completeUnit(int elapsedMillis) {
        onUnitCompleted.run(); // first, so that the line below shows this unit in the progress figure
        if (setStarted) {
            listener.testSetCompleted(new SimpleReportEntry(NORMAL_RUN, runId(), unit.className(), null, null, null,
                    null, elapsedMillis, properties));
        }
        unit = null;
    }

    private SimpleReportEntry entry(TestId test, RemoteStackTrace trace, Integer elapsed) {
        return new SimpleReportEntry(NORMAL_RUN, runId(), className(test), null, test.methodName(), null, trace, elapsed);
    }

    private String className(TestId test) {
        return test.className() != null ? test.className() : unit.className();
    }

    private RemoteStackTrace trace(ThrowableInfo info, TestId test) {
        ThrowableInfo known = info != null ? info
                : new ThrowableInfo("java.lang.AssertionError", null, "java.lang.AssertionError\n");
        return new RemoteStackTrace(known, test == null ? unit.className() : className(test));
    }

    private long runId() {
        return unit == null ? 0L : unit.id();
    }
}
