package io.distest.maven.report;

import static org.apache.maven.surefire.api.report.RunMode.NORMAL_RUN;
import static org.apache.maven.surefire.api.report.RunMode.RERUN_TEST_AFTER_FAILURE;

import io.distest.maven.schedule.TestUnit;
import io.distest.maven.surefire.ReportNaming;
import io.distest.protocol.Outcome;
import io.distest.protocol.TestFinished;
import io.distest.protocol.TestId;
import io.distest.protocol.TestTimedOut;
import io.distest.protocol.ThrowableInfo;
import java.util.Map;
import java.util.Objects;
import org.apache.maven.surefire.api.report.RunMode;
import org.apache.maven.surefire.api.report.SimpleReportEntry;
import org.apache.maven.surefire.api.report.TestOutputReportEntry;

/**
 * Records one worker's events unit by unit for Surefire's reporters, and remembers the running test to name it
 * if the worker dies.
 */
public final class WorkerReport {
    /** The error type a dead worker leaves in reports. */
    static final String CRASH_TYPE = "io.distest.WorkerCrashed";

    /** Where a finished unit's recording goes, with the id of the worker that ran it. */
    interface UnitSink {
        void unitDone(UnitRecording recording, String workerId);
    }

    private final String workerId;
    private final UnitSink sink;
    private UnitRecording recording;
    private RunMode runMode = NORMAL_RUN;
    private long unitStartMillis;
    private TestId runningTest;
    /** The worker announced its own end (a timed-out test): its death needs no second error. */
    private boolean endAnnounced;
    private long runningTestStartMillis;

    /** Prints test output as it arrives; {@code null} when it goes to files only (redirectTestOutputToFile). */
    private final LiveOutput live;

    /** Results come from one of Surefire's own providers, whose entries already carry Surefire's source names. */
    private final boolean providerNames;

    /** Names and report files as the project's Surefire version has them. */
    private final ReportNaming naming;
    /** Whether a test of the running unit has passed: a class-level failure after that is its teardown's. */
    private boolean unitHadAPassingTest;

    WorkerReport(String workerId, UnitSink sink, LiveOutput live, boolean providerNames, ReportNaming naming) {
        this.workerId = workerId;
        this.sink = sink;
        this.live = live;
        this.providerNames = providerNames;
        this.naming = naming;
    }

    /** @param rerun whether this unit runs earlier failures again (Surefire reports those runs apart) */
    public void unitStarting(TestUnit unit, boolean rerun) {
        recording = new UnitRecording(unit);
        unitHadAPassingTest = false;
        endAnnounced = false;
        runMode = rerun ? RERUN_TEST_AFTER_FAILURE : NORMAL_RUN;
        unitStartMillis = System.currentTimeMillis();
    }

    public void testStarting(TestId started) {
        if (!recording.unit.reports(started.uniqueId())) {
            return; // a test it did not ask for: a template runs whole, the plugin keeps only what it wanted
        }
        TestId test = named(started);
        runningTest = test;
        runningTestStartMillis = System.currentTimeMillis();
        SimpleReportEntry entry = entry(test, null, null);
        recording.add(listener -> listener.testStarting(entry));
    }

    public void output(boolean stderr, String text) {
        if (live != null) {
            live.write(stderr, text);
        }
        long runId = runId();
        RunMode mode = runMode;
        recording.add(listener -> listener.writeTestOutput(new TestOutputReportEntry(text, !stderr, false, mode, runId)));
    }

    public void testFinished(TestFinished finished) {
        if (!recording.unit.reports(finished.test().uniqueId())) {
            return;
        }
        TestId test = named(finished.test());
        if (finished.outcome() == Outcome.FAILED || finished.outcome() == Outcome.ERROR) {
            String method = naming.classErrorName(test, unitHadAPassingTest);
            test = Objects.equals(method, test.methodName()) ? test
                    : new TestId(test.uniqueId(), test.className(), method, test.displayName(), test.reportClass());
        }
        unitHadAPassingTest |= finished.outcome() == Outcome.SUCCESSFUL;
        int elapsed = (int) finished.elapsedMillis();
        SimpleReportEntry entry = switch (finished.outcome()) {
            case SUCCESSFUL -> entry(test, null, elapsed);
            case FAILED, ERROR -> entry(test, trace(finished.throwable(), test), elapsed);
            case ABORTED -> finished.throwable() == null
                    ? SimpleReportEntry.assumption(runMode, runId(), reportSource(test), test.reportClass(),
                            test.methodName(), null, finished.reason())
                    : providerNames ? entry(test, trace(finished.throwable(), test), elapsed)
                    : abortedOnThePlatform(test, trace(finished.throwable(), test), elapsed);
            case SKIPPED -> SimpleReportEntry.ignored(runMode, runId(), reportSource(test), test.reportClass(),
                    test.methodName(), null, finished.reason());
        };
        switch (finished.outcome()) {
            case SUCCESSFUL -> recording.add(listener -> listener.testSucceeded(entry));
            case FAILED -> recording.add(listener -> listener.testFailed(entry));
            case ERROR -> recording.add(listener -> listener.testError(entry));
            case ABORTED -> recording.add(listener -> listener.testAssumptionFailure(entry));
            case SKIPPED -> recording.add(listener -> listener.testSkipped(entry));
        }
        if (test.equals(runningTest)) {
            runningTest = null;
        }
    }

    /** The test as the project's Surefire version names it; what follows goes into its test set. */
    private TestId named(TestId test) {
        recording.inTestSet(naming.testSet(test, recording.unit.className()));
        return naming.name(test);
    }

    /**
     * The unit ended normally; {@code error} is a failure to run it at all.
     *
     * @param classRan whether its class container ran on the JUnit Platform: Surefire then reports it even without a case
     */
    public void unitFinished(long elapsedMillis, boolean classRan, ThrowableInfo error) {
        if (error != null) {
            classError(trace(error, null));
        }
        recording.classRan(classRan);
        completeUnit(elapsedMillis);
    }

    /** The worker ended itself because the running test passed the timeout: the test errs, with the thread dump. */
    public void testTimedOut(TestTimedOut timedOut) {
        TestId test = named(timedOut.test());
        String message = "test timed out after " + timedOut.timeoutMillis() / 1000.0 + " s on worker " + workerId
                + " (distest.timeout); every thread of its JVM before it was ended:";
        ThrowableInfo info = new ThrowableInfo("io.distest.TestTimedOut", message,
                "io.distest.TestTimedOut: " + message + "\n" + timedOut.threadDump());
        SimpleReportEntry entry = entry(test, new RemoteStackTrace(info, null), (int) timedOut.timeoutMillis());
        recording.add(listener -> listener.testError(entry));
        runningTest = null;
        endAnnounced = true;
    }

    /** Reports a unit that will not run (skipAfterFailureCount), as Surefire reports skipped classes. */
    public void skipped(TestUnit unit, String reason) {
        unitStarting(unit, false);
        SimpleReportEntry entry = SimpleReportEntry.ignored(NORMAL_RUN, runId(), unit.className(), null, null, null, reason);
        recording.add(listener -> listener.testSkipped(entry));
        completeUnit(0);
    }

    /**
     * The worker died while running the current unit: the test it was in (or the class, between tests) is
     * reported as an error carrying {@code cause}.
     */
    public void workerDied(String cause) {
        RemoteStackTrace crash = new RemoteStackTrace(new ThrowableInfo(CRASH_TYPE, cause, CRASH_TYPE + ": " + cause + "\n"), null);
        if (endAnnounced) {
            // the timed-out test carries the error already
        } else if (runningTest != null) {
            SimpleReportEntry entry = entry(runningTest, crash, (int) (System.currentTimeMillis() - runningTestStartMillis));
            recording.add(listener -> listener.testError(entry));
            runningTest = null;
        } else {
            classError(crash);
        }
        completeUnit(System.currentTimeMillis() - unitStartMillis);
    }

    private void classError(RemoteStackTrace trace) {
        recording.inTestSet(null); // a class-level error belongs to the unit's class
        SimpleReportEntry entry = new SimpleReportEntry(runMode, runId(), recording.unit.className(), null, null, null,
                trace, 0);
        recording.add(listener -> listener.testError(entry));
    }

    private void completeUnit(long elapsedMillis) {
        if (live != null) {
            live.flush();
        }
        recording.finish(elapsedMillis);
        sink.unitDone(recording, workerId);
        recording = null;
    }

    /**
     * As Surefire's JUnit Platform provider: every case of a unit lands in its top-level class's report
     * ({@code @Nested} classes included); the {@code classname} a case shows is {@link TestId#reportClass()}. A
     * provider run keeps the source names its provider gave.
     */
    private SimpleReportEntry entry(TestId test, RemoteStackTrace trace, Integer elapsed) {
        return new SimpleReportEntry(runMode, runId(), reportSource(test), test.reportClass(), test.methodName(), null,
                trace, elapsed);
    }

    /**
     * An aborted test as Surefire's JUnit Platform provider reports it: its exception's type and stack trace but no
     * message attribute (the provider gives aborted tests no reason).
     */
    private SimpleReportEntry abortedOnThePlatform(TestId test, RemoteStackTrace trace, Integer elapsed) {
        return new SimpleReportEntry(runMode, runId(), reportSource(test), test.reportClass(), test.methodName(), null,
                trace, elapsed, null, Map.of());
    }

    private String reportSource(TestId test) {
        if (providerNames) {
            return testClass(test);
        }
        String testSet = naming.testSet(test, recording.unit.className()); // its own report (older Surefire): its name
        return testSet != null ? testSet : recording.unit.className();
    }

    /** The class a test's code is in: stack traces are trimmed to it. */
    private String testClass(TestId test) {
        return test.className() != null ? test.className() : recording.unit.className();
    }

    private RemoteStackTrace trace(ThrowableInfo info, TestId test) {
        ThrowableInfo known = info != null ? info
                : new ThrowableInfo("java.lang.AssertionError", null, "java.lang.AssertionError\n");
        return new RemoteStackTrace(known, test == null ? recording.unit.className() : testClass(test));
    }

    private long runId() {
        return recording == null ? 0L : recording.unit.id();
    }
}
