package io.distest.maven.run;

import static org.apache.maven.surefire.api.report.RunMode.NORMAL_RUN;

import io.distest.maven.schedule.TestUnit;
import io.distest.protocol.TestFinished;
import io.distest.protocol.TestId;
import io.distest.protocol.ThrowableInfo;
import org.apache.maven.surefire.api.report.SimpleReportEntry;
import org.apache.maven.surefire.api.report.TestOutputReportEntry;

/**
 * Records one worker's events unit by unit for Surefire's reporters, and remembers the running test to name it
 * if the worker dies.
 */
final class WorkerReport {
    /** The error type a dead worker leaves in reports. */
    static final String CRASH_TYPE = "io.distest.WorkerCrashed";

    private final String workerId;
    private final SurefireReporting reporting;
    private UnitRecording recording;
    private long unitStartMillis;
    private TestId runningTest;
    private long runningTestStartMillis;

    WorkerReport(String workerId, SurefireReporting reporting) {
        this.workerId = workerId;
        this.reporting = reporting;
    }

    void unitStarting(TestUnit unit) {
        recording = new UnitRecording(unit);
        unitStartMillis = System.currentTimeMillis();
    }

    void testStarting(TestId test) {
        runningTest = test;
        runningTestStartMillis = System.currentTimeMillis();
        SimpleReportEntry entry = entry(test, null, null);
        recording.add(className(test), listener -> listener.testStarting(entry));
    }

    void output(boolean stderr, String text) {
        long runId = runId();
        String testClass = runningTest != null ? className(runningTest) : recording.unit.className();
        recording.add(testClass, listener -> listener.writeTestOutput(new TestOutputReportEntry(text, !stderr, false, NORMAL_RUN, runId)));
    }

    void testFinished(TestFinished finished) {
        TestId test = finished.test();
        int elapsed = (int) finished.elapsedMillis();
        SimpleReportEntry entry = switch (finished.outcome()) {
            case SUCCESSFUL -> entry(test, null, elapsed);
            case FAILED, ERROR -> entry(test, trace(finished.throwable(), test), elapsed);
            case ABORTED -> finished.throwable() == null
                    ? SimpleReportEntry.assumption(NORMAL_RUN, runId(), className(test), null, test.methodName(), null,
                            finished.reason())
                    : entry(test, trace(finished.throwable(), test), elapsed);
            case SKIPPED -> SimpleReportEntry.ignored(NORMAL_RUN, runId(), className(test), null, test.methodName(),
                    null, finished.reason());
        };
        String testClass = className(test);
        switch (finished.outcome()) {
            case SUCCESSFUL -> recording.add(testClass, listener -> listener.testSucceeded(entry));
            case FAILED -> recording.add(testClass, listener -> listener.testFailed(entry));
            case ERROR -> recording.add(testClass, listener -> listener.testError(entry));
            case ABORTED -> recording.add(testClass, listener -> listener.testAssumptionFailure(entry));
            case SKIPPED -> recording.add(testClass, listener -> listener.testSkipped(entry));
        }
        if (test.equals(runningTest)) {
            runningTest = null;
        }
    }

    /** The unit ended normally; {@code error} is a failure to run it at all. */
    void unitFinished(long elapsedMillis, ThrowableInfo error) {
        if (error != null) {
            classError(trace(error, null));
        }
        completeUnit(elapsedMillis);
    }

    /**
     * The worker died while running the current unit: the test it was in (or the class, between tests) is
     * reported as an error carrying {@code cause}.
     */
    void workerDied(String cause) {
        RemoteStackTrace crash = new RemoteStackTrace(new ThrowableInfo(CRASH_TYPE, cause, CRASH_TYPE + ": " + cause + "\n"), null);
        if (runningTest != null) {
            SimpleReportEntry entry = entry(runningTest, crash, (int) (System.currentTimeMillis() - runningTestStartMillis));
            recording.add(className(runningTest), listener -> listener.testError(entry));
            runningTest = null;
        } else {
            classError(crash);
        }
        completeUnit(System.currentTimeMillis() - unitStartMillis);
    }

    private void classError(RemoteStackTrace trace) {
        SimpleReportEntry entry = new SimpleReportEntry(NORMAL_RUN, runId(), recording.unit.className(), null, null, null,
                trace, 0);
        recording.add(recording.unit.className(), listener -> listener.testError(entry));
    }

    private void completeUnit(long elapsedMillis) {
        recording.finish(elapsedMillis);
        reporting.unitDone(recording, workerId);
        recording = null;
    }

    private SimpleReportEntry entry(TestId test, RemoteStackTrace trace, Integer elapsed) {
        return new SimpleReportEntry(NORMAL_RUN, runId(), className(test), null, test.methodName(), null, trace, elapsed);
    }

    private String className(TestId test) {
        return test.className() != null ? test.className() : recording.unit.className();
    }

    private RemoteStackTrace trace(ThrowableInfo info, TestId test) {
        ThrowableInfo known = info != null ? info
                : new ThrowableInfo("java.lang.AssertionError", null, "java.lang.AssertionError\n");
        return new RemoteStackTrace(known, test == null ? recording.unit.className() : className(test));
    }

    private long runId() {
        return recording == null ? 0L : recording.unit.id();
    }
}
