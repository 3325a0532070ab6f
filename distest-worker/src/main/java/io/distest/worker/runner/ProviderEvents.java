package io.distest.worker.runner;

import io.distest.protocol.MessageChannel;
import io.distest.protocol.Message;
import io.distest.protocol.Outcome;
import io.distest.protocol.TestFinished;
import io.distest.protocol.TestId;
import io.distest.protocol.TestOutput;
import io.distest.protocol.TestStarted;
import io.distest.protocol.ThrowableInfo;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.maven.surefire.api.report.ReportEntry;
import org.apache.maven.surefire.api.report.StackTraceWriter;
import org.apache.maven.surefire.api.report.TestOutputReportEntry;
import org.apache.maven.surefire.api.report.TestReportListener;
import org.apache.maven.surefire.api.report.TestSetReportEntry;

/**
 * What a Surefire provider reports about one unit, as protocol events: the provider names the tests (TestNG's
 * {@code notThree[1](1)}), this class only carries them. Test sets are not sent: the plugin groups results into
 * the test sets Surefire would write.
 */
final class ProviderEvents implements TestReportListener<TestOutputReportEntry> {
    private final MessageChannel channel;
    private final int unitId;
    private final TimeoutWatchdog watchdog;
    private final PrintStream log;
    private final Map<String, Long> startNanos = new ConcurrentHashMap<>();

    ProviderEvents(MessageChannel channel, int unitId, TimeoutWatchdog watchdog, PrintStream log) {
        this.channel = channel;
        this.unitId = unitId;
        this.watchdog = watchdog;
        this.log = log;
    }

    /** A stable id per (class, name): providers name tests, they have no JUnit Platform unique ids. */
    static TestId testId(ReportEntry entry) {
        String uniqueId = "[provider]/[class:" + entry.getSourceName() + "]/[test:" + entry.getName() + "]";
        return new TestId(uniqueId, entry.getSourceName(), entry.getName(), entry.getName());
    }

    @Override
    public void testSetStarting(TestSetReportEntry report) {}

    @Override
    public void testSetCompleted(TestSetReportEntry report) {}

    @Override
    public void testStarting(ReportEntry report) {
        TestId test = testId(report);
        watchdog.testStarted(unitId, test);
        send(new TestStarted(unitId, test));
        startNanos.put(test.uniqueId(), System.nanoTime()); // last: naming and sending the start are not the test's
    }

    @Override
    public void testSucceeded(ReportEntry report) {
        finished(report, Outcome.SUCCESSFUL);
    }

    @Override
    public void testAssumptionFailure(ReportEntry report) {
        finished(report, Outcome.ABORTED);
    }

    @Override
    public void testError(ReportEntry report) {
        finished(report, Outcome.ERROR);
    }

    @Override
    public void testFailed(ReportEntry report) {
        finished(report, Outcome.FAILED);
    }

    @Override
    public void testSkipped(ReportEntry report) {
        finished(report, Outcome.SKIPPED);
    }

    @Override
    public void testExecutionSkippedByUser() {}

    private void finished(ReportEntry report, Outcome outcome) {
        TestId test = testId(report);
        Long start = startNanos.remove(test.uniqueId());
        if (start != null) {
            watchdog.testFinished();
        }
        long elapsed = report.getElapsed() != null ? report.getElapsed()
                : start == null ? 0 : ReportClock.millisBetween(start, System.nanoTime());
        ThrowableInfo thrown = throwable(report.getStackTraceWriter());
        String reason = outcome == Outcome.SKIPPED || (outcome == Outcome.ABORTED && thrown == null)
                ? report.getMessage() : null;
        send(new TestFinished(unitId, test, outcome, elapsed, reason, outcome == Outcome.SKIPPED ? null : thrown));
    }

    private static ThrowableInfo throwable(StackTraceWriter writer) {
        if (writer == null) {
            return null;
        }
        Throwable target = writer.getThrowable() == null ? null : writer.getThrowable().getTarget();
        if (target != null) {
            return ThrowableInfo.of(target);
        }
        String trace = writer.writeTraceToString();
        String message = writer.getThrowable() == null ? null : writer.getThrowable().getMessage();
        return new ThrowableInfo("java.lang.AssertionError", message, trace == null ? "" : trace);
    }

    @Override
    public void writeTestOutput(TestOutputReportEntry entry) {
        String text = entry.getLog() == null ? "" : entry.getLog();
        send(new TestOutput(unitId, !entry.isStdOut(), entry.isNewLine() ? text + "\n" : text));
    }

    private void send(Message message) {
        try {
            channel.send(message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // what the provider logs about itself goes to the worker's own log, kept for diagnosis

    @Override
    public boolean isDebugEnabled() {
        return false;
    }

    @Override
    public void debug(String message) {}

    @Override
    public boolean isInfoEnabled() {
        return true;
    }

    @Override
    public void info(String message) {
        log.println("provider: " + message);
    }

    @Override
    public boolean isWarnEnabled() {
        return true;
    }

    @Override
    public void warning(String message) {
        log.println("provider warning: " + message);
    }

    @Override
    public boolean isErrorEnabled() {
        return true;
    }

    @Override
    public void error(String message) {
        log.println("provider error: " + message);
    }

    @Override
    public void error(String message, Throwable t) {
        log.println("provider error: " + message + ": " + t);
    }

    @Override
    public void error(Throwable t) {
        log.println("provider error: " + t);
    }
}
