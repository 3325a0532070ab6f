package io.distest.maven.report;

import java.io.PrintStream;
import org.apache.maven.plugin.surefire.extensions.SurefireConsoleOutputReporter;
import org.apache.maven.surefire.api.report.TestOutputReportEntry;
import org.apache.maven.surefire.api.report.TestSetReportEntry;
import org.apache.maven.surefire.extensions.ConsoleOutputReportEventListener;

/**
 * Surefire's console output reporter minus the console: test output was already printed live by
 * {@link LiveOutput}, so replaying a class's output into its report must not print it a second time.
 * Output redirected to files ({@code redirectTestOutputToFile}) is Surefire's as before.
 */
final class QuietConsoleOutputReporter extends SurefireConsoleOutputReporter {
    @Override
    public ConsoleOutputReportEventListener createListener(PrintStream out, PrintStream err) {
        return new ConsoleOutputReportEventListener() {
            @Override
            public void testSetStarting(TestSetReportEntry report) {}

            @Override
            public void testSetCompleted(TestSetReportEntry report) {}

            @Override
            public void close() {}

            @Override
            public void writeTestOutput(TestOutputReportEntry reportEntry) {}
        };
    }
}
