package io.distest.maven.run;

import static org.apache.maven.surefire.api.report.RunMode.NORMAL_RUN;

import io.distest.maven.schedule.TestUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugin.surefire.StartupReportConfiguration;
import org.apache.maven.plugin.surefire.extensions.SurefireConsoleOutputReporter;
import org.apache.maven.plugin.surefire.extensions.SurefireStatelessReporter;
import org.apache.maven.plugin.surefire.extensions.SurefireStatelessTestsetInfoReporter;
import org.apache.maven.plugin.surefire.report.DefaultReporterFactory;
import org.apache.maven.surefire.api.report.ReporterFactoryOptions;
import org.apache.maven.surefire.api.report.SimpleReportEntry;
import org.apache.maven.surefire.api.report.TestOutputReportEntry;
import org.apache.maven.surefire.api.report.TestReportListener;
import org.apache.maven.surefire.api.suite.RunResult;

/**
 * Results go through Surefire's own reporting, so the XML, the console lines and the summary are Surefire's:
 * one reporter factory per worker (as Surefire keeps one per fork), merged at the end. A class is reported once
 * every unit of it is done, so a class spread over several units (split, re-run) is still one report.
 */
final class SurefireReporting {
    private static final String XSD =
            "https://maven.apache.org/surefire/maven-surefire-plugin/xsd/surefire-test-report.xsd";

    /** One worker's way into Surefire's reporters. */
    private record WorkerSink(TestReportListener<TestOutputReportEntry> listener, Map<String, String> properties) {}

    private final StartupReportConfiguration configuration;
    private final Log log;
    private final DefaultReporterFactory global;
    private final List<DefaultReporterFactory> perWorker = new ArrayList<>();
    private final Map<String, WorkerSink> sinks = new HashMap<>();
    private final Map<String, Integer> unitsLeft = new HashMap<>();
    private final Map<String, List<UnitRecording>> recordings = new LinkedHashMap<>();
    private int totalUnits;
    private int finishedUnits;

    SurefireReporting(ReportOptions options, Log log, List<TestUnit> units) {
        ReporterFactoryOptions factoryOptions = new ReporterFactoryOptions();
        factoryOptions.setStatPerSourceName(true); // as Surefire does for the JUnit Platform
        this.configuration = new StartupReportConfiguration(
                true, true, "brief", options.redirectTestOutputToFile(), options.reportsDirectory().toFile(),
                options.trimStackTrace(), blankToNull(options.reportNameSuffix()), null, false, options.rerunFailingTestsCount(), XSD, "UTF-8", true, true, true,
                new SurefireStatelessReporter(), new SurefireConsoleOutputReporter(),
                new SurefireStatelessTestsetInfoReporter(), factoryOptions);
        this.log = log;
        this.global = new DefaultReporterFactory(configuration, new PrefixedConsoleLogger(log, () -> ""));
        units.forEach(this::expect);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** One more unit of its class will report (a split part, a re-run); the class waits for it. */
    void expect(TestUnit unit) {
        unitsLeft.merge(unit.className(), 1, Integer::sum);
        totalUnits++;
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
        sinks.put(workerId, new WorkerSink(factory.createTestReportListener(), Map.copyOf(properties)));
        return new WorkerReport(workerId, this);
    }

    /** A unit is done; when it was its class's last, the class is reported through that worker's reporters. */
    void unitDone(UnitRecording recording, String workerId) {
        finishedUnits++;
        String className = recording.unit.className();
        recordings.computeIfAbsent(className, c -> new ArrayList<>()).add(recording);
        if (unitsLeft.merge(className, -1, Integer::sum) > 0) {
            return;
        }
        unitsLeft.remove(className);
        List<UnitRecording> parts = recordings.remove(className);
        if (parts.stream().allMatch(UnitRecording::isEmpty)) {
            return; // no tests in it (an abstract class, a helper matching the patterns): Surefire reports nothing
        }
        WorkerSink sink = sinks.get(workerId);
        // one test set per test class, as Surefire's provider opens one per class container (@Nested included)
        Map<String, List<UnitRecording.Call>> byTestClass = new LinkedHashMap<>();
        parts.forEach(part -> part.calls().forEach(call ->
                byTestClass.computeIfAbsent(call.testClass(), c -> new ArrayList<>()).add(call)));
        int elapsed = (int) parts.stream().mapToLong(UnitRecording::elapsedMillis).sum();
        long runId = recording.unit.id();
        byTestClass.forEach((testClass, calls) -> {
            sink.listener().testSetStarting(new SimpleReportEntry(NORMAL_RUN, runId, testClass, null, null, null,
                    sink.properties()));
            calls.forEach(call -> call.call().accept(sink.listener()));
            sink.listener().testSetCompleted(new SimpleReportEntry(NORMAL_RUN, runId, testClass, null, null, null, null,
                    testClass.equals(className) ? elapsed : 0, sink.properties()));
        });
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
