package io.distest.maven.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugin.surefire.StartupReportConfiguration;
import org.apache.maven.plugin.surefire.extensions.SurefireConsoleOutputReporter;
import org.apache.maven.plugin.surefire.extensions.SurefireStatelessReporter;
import org.apache.maven.plugin.surefire.extensions.SurefireStatelessTestsetInfoReporter;
import org.apache.maven.plugin.surefire.report.DefaultReporterFactory;
import org.apache.maven.surefire.api.report.ReporterFactoryOptions;
import org.apache.maven.surefire.api.report.TestReportListener;
import org.apache.maven.surefire.api.report.TestOutputReportEntry;
import org.apache.maven.surefire.api.suite.RunResult;

/**
 * Results go through Surefire's own reporting, so the XML, the console lines and the summary are Surefire's:
 * one reporter factory per worker (as Surefire keeps one per fork), merged at the end.
 */
final class SurefireReporting {
    private static final String XSD =
            "https://maven.apache.org/surefire/maven-surefire-plugin/xsd/surefire-test-report.xsd";

    private final StartupReportConfiguration configuration;
    private final Log log;
    private final DefaultReporterFactory global;
    private final List<DefaultReporterFactory> perWorker = new ArrayList<>();
    private final int totalUnits;
    private int finishedUnits;

    SurefireReporting(ReportOptions options, Log log, int totalUnits) {
        ReporterFactoryOptions factoryOptions = new ReporterFactoryOptions();
        factoryOptions.setStatPerSourceName(true); // as Surefire does for the JUnit Platform
        this.configuration = new StartupReportConfiguration(
                true, true, "brief", options.redirectTestOutputToFile(), options.reportsDirectory().toFile(),
                options.trimStackTrace(), null, null, false, 0, XSD, "UTF-8", true, true, true,
                new SurefireStatelessReporter(), new SurefireConsoleOutputReporter(),
                new SurefireStatelessTestsetInfoReporter(), factoryOptions);
        this.log = log;
        this.totalUnits = totalUnits;
        this.global = new DefaultReporterFactory(configuration, new PrefixedConsoleLogger(log, () -> ""));
    }

    /** Prints Surefire's "T E S T S" banner. */
    void runStarting() {
        global.runStarting();
    }

    /** Reporting for one worker; its console lines start with {@code [gw1] [ 42%] }. */
    WorkerReport forWorker(String workerId, int number, Map<String, String> properties) {
        PrefixedConsoleLogger logger = new PrefixedConsoleLogger(log, () -> "[" + workerId + "] " + progress() + " ");
        DefaultReporterFactory factory = new DefaultReporterFactory(configuration, logger, number + 1);
        perWorker.add(factory);
        @SuppressWarnings("unchecked")
        TestReportListener<TestOutputReportEntry> listener = factory.createTestReportListener();
        return new WorkerReport(listener, properties, this::unitCompleted);
    }

    private void unitCompleted() {
        finishedUnits++;
    }

    private String progress() {
        int percent = totalUnits == 0 ? 100 : (int) (100L * finishedUnits / totalUnits);
        return String.format("[%3d%%]", percent);
    }

    /** Merges every worker's results, prints Surefire's summary and returns the totals. */
    RunResult finish() {
        global.mergeFromOtherFactories(perWorker);
        return global.close();
    }
}
