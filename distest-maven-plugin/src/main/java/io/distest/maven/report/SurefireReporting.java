package io.distest.maven.report;

import io.distest.maven.parameter.Parameters;
import io.distest.maven.schedule.TestUnit;
import io.distest.maven.settings.ReportOptions;
import static org.apache.maven.surefire.api.report.RunMode.NORMAL_RUN;

import io.distest.maven.surefire.ReportNaming;
import io.distest.protocol.ReportFile;
import io.distest.protocol.TestFinished;
import io.distest.protocol.TestId;
import io.distest.protocol.TestTimedOut;
import io.distest.protocol.UnitFinished;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.apache.maven.plugin.logging.Log;
import io.distest.protocol.WorkerFacts;
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
 * One listener of the run's events: results go through Surefire's own reporting, so the XML, the console lines and the summary are Surefire's:
 * one reporter factory per worker (as Surefire keeps one per fork), merged at the end. A class is reported once
 * every unit of it is done, so a class spread over several units (split, re-run) is still one report.
 */
public final class SurefireReporting implements RunObserver {
    private static final String XSD =
            "https://maven.apache.org/surefire/maven-surefire-plugin/xsd/surefire-test-report.xsd";

    /** One worker's way into Surefire's reporters. */
    private record WorkerSink(TestReportListener<TestOutputReportEntry> listener, Map<String, String> properties) {}

    private final ReportOptions options;
    private final StartupReportConfiguration configuration;
    private final Log log;
    private final DefaultReporterFactory global;
    /** Worker factories by gateway group: with dist=each every platform gets its own summary. */
    private final Map<String, List<DefaultReporterFactory>> perWorker = new LinkedHashMap<>();
    private final Map<String, WorkerSink> sinks = new HashMap<>();
    private final Map<String, Integer> unitsLeft = new HashMap<>();
    private final Map<String, List<UnitRecording>> recordings = new LinkedHashMap<>();
    private int totalUnits;
    private int finishedUnits;
    /** Provider runs (TestNG): every result goes into this one test set, as with one Surefire fork; else null. */
    private final String oneTestSet;
    private final boolean providerNames;
    private final OneTestSet oneTestSetParts;
    private final ProviderReports providerReports;
    /** The system properties a worker got, by its number in the pool: its reports show them. */
    private final IntFunction<Map<String, String>> systemProperties;
    private final int rerunFailingTestsCount;
    private final Map<String, WorkerReport> reports = new HashMap<>();
    /** Units that run earlier failures again. */
    private final Set<Integer> reruns = new HashSet<>();
    /** Live output of the workers goes above it; off unless set. */
    private StatusLine statusLine = new StatusLine(System.out, false, 0, () -> 0);
    /** Reports for what no worker runs: skipped and unrun units. */
    private WorkerReport distestReport;

    /**
     * @param oneTestSet the one test set a provider run reports into ({@code TestSuite}), or {@code null}
     * @param providerNames results come from one of Surefire's own providers and keep the source names it gave
     * @param systemProperties the system properties of the worker with that number in the pool, as it got them
     * @param rerunFailingTestsCount the run's: with re-runs Surefire's reporters count a failure that later passed as
     *     a flake
     */
    public SurefireReporting(ReportOptions options, Log log, List<TestUnit> units, String oneTestSet, boolean providerNames,
            IntFunction<Map<String, String>> systemProperties, int rerunFailingTestsCount) {
        this.options = options;
        this.rerunFailingTestsCount = rerunFailingTestsCount;
        this.systemProperties = systemProperties;
        this.oneTestSet = oneTestSet;
        this.providerNames = providerNames;
        this.providerReports = new ProviderReports(options.reportsDirectory());
        this.configuration = configuration(options.reportNameSuffix());
        StartupReportConfiguration plain = configuration;
        this.oneTestSetParts = new OneTestSet(oneTestSet, group -> new DefaultReporterFactory(group.isEmpty()
                ? plain : configuration(blankToNull(options.reportNameSuffix()) == null ? group
                        : options.reportNameSuffix() + "-" + group), new PrefixedConsoleLogger(log, () -> "", options.naming().skippedSummaryAsInfo())));
        this.log = log;
        this.global = new DefaultReporterFactory(configuration, new PrefixedConsoleLogger(log, () -> "", options.naming().skippedSummaryAsInfo()));
        units.forEach(this::expect);
    }

    /** Surefire's report configuration; a suffix names the reports {@code TEST-<class>-<suffix>.xml}. */
    private StartupReportConfiguration configuration(String reportNameSuffix) {
        ReporterFactoryOptions factoryOptions = new ReporterFactoryOptions();
        // per source name only for the JUnit Platform, as Surefire; its own providers count by test name alone
        factoryOptions.setStatPerSourceName(!providerNames);
        return new StartupReportConfiguration(
                true, true, "brief", options.redirectTestOutputToFile(), options.reportsDirectory().toFile(),
                options.trimStackTrace(), blankToNull(reportNameSuffix), null, false, rerunFailingTestsCount, XSD,
                "UTF-8", true, true, true,
                xmlReporter(options.naming()),
                options.redirectTestOutputToFile() ? new SurefireConsoleOutputReporter() : new QuietConsoleOutputReporter(),
                new SurefireStatelessTestsetInfoReporter(), factoryOptions);
    }

    /** Surefire 3.5.4's XML reporter, with the suite counts of the project's version where they differ. */
    private static SurefireStatelessReporter xmlReporter(ReportNaming naming) {
        if (!naming.perMethodCounts()) {
            return new SurefireStatelessReporter();
        }
        return new PerMethodCountsReporter(naming.rules().contains(ReportNaming.Rule.PER_CASE_COUNTS)
                ? SuiteCounts.Grouping.BY_TEST_RUN : SuiteCounts.Grouping.BY_METHOD_NAME);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** One more unit of its class will report (a split part, a re-run); the class waits for it. */
    private void expect(TestUnit unit) {
        unitsLeft.merge(classKey(unit), 1, Integer::sum);
        totalUnits++;
    }

    /** Prints Surefire's "T E S T S" banner. */
    @Override
    public void runStarted() {
        global.runStarting();
        oneTestSetParts.started();
    }

    @Override
    public void unitAdded(TestUnit unit, boolean rerun) {
        expect(unit);
        if (rerun) {
            reruns.add(unit.id());
        }
    }

    @Override
    public void workerConnected(String workerId, String group, int number, String spec, WorkerFacts facts) {
        Map<String, String> properties = new LinkedHashMap<>(systemProperties.apply(number));
        properties.put(Parameters.WORKER, workerId);
        properties.put(Parameters.TX, spec);
        properties.put("java.version", facts.javaVersion());
        properties.put("java.vendor", facts.javaVendor());
        properties.put("os.name", facts.osName());
        properties.put("os.arch", facts.osArch());
        properties.put(Parameters.HOST, facts.hostName());
        reports.put(workerId, forWorker(workerId, group, number, properties));
    }

    @Override
    public void unitStarted(String workerId, TestUnit unit) {
        reports.get(workerId).unitStarting(unit, reruns.contains(unit.id()));
    }

    @Override
    public void testStarted(String workerId, TestId test) {
        reports.get(workerId).testStarting(test);
    }

    @Override
    public void testOutput(String workerId, boolean stderr, String text) {
        reports.get(workerId).output(stderr, text);
    }

    @Override
    public void testTimedOut(String workerId, TestTimedOut timedOut) {
        reports.get(workerId).testTimedOut(timedOut);
    }

    @Override
    public void testFinished(String workerId, TestUnit unit, TestFinished finished) {
        reports.get(workerId).testFinished(finished);
    }

    @Override
    public void unitFinished(String workerId, TestUnit unit, UnitFinished finished) {
        reports.get(workerId).unitFinished(finished.reportMillis(), finished.classRan(), finished.error());
    }

    @Override
    public void unitLost(String workerId, TestUnit unit, TestUnit rest, String cause) {
        reports.get(workerId).workerDied(cause);
    }

    @Override
    public void unitAbandoned(String workerId, TestUnit unit, String reason) {
        reports.get(workerId).workerDied(reason);
    }

    @Override
    public void unitSkipped(TestUnit unit, String reason) {
        distestReport().skipped(unit, reason);
    }

    @Override
    public void unitNotRun(TestUnit unit, String why) {
        distestReport().unitStarting(unit, false);
        distestReport().workerDied("not run: " + why);
    }

    @Override
    public void reportFile(ReportFile file) {
        providerReports.add(file);
    }

    private WorkerReport distestReport() {
        if (distestReport == null) {
            distestReport = forWorker("distest", "", -1, Map.of());
        }
        return distestReport;
    }

    /** Prints the workers' live output above {@code line} (its log lines go through the log given). */
    public void printAbove(StatusLine line) {
        this.statusLine = line;
    }

    /** A class is reported per gateway group: with dist=each every platform has its own report of it. */
    private static String classKey(TestUnit unit) {
        return unit.group() + "\u0000" + unit.className();
    }

    /**
     * Reporting for one worker; its console lines start with {@code [gw1] [ 42%] }. With a {@code group}
     * (dist=each) they start with {@code [gw1 tx2]} and its reports are named {@code TEST-<class>-<group>.xml}
     * (Surefire's {@code reportNameSuffix}, joined to a configured one).
     */
    private WorkerReport forWorker(String workerId, String group, int number, Map<String, String> properties) {
        String label = group.isEmpty() || group.equals(workerId) ? workerId : workerId + " " + group;
        PrefixedConsoleLogger logger = new PrefixedConsoleLogger(log, () -> "[" + label + "] " + progress() + " ",
                options.naming().skippedSummaryAsInfo());
        StartupReportConfiguration workerConfiguration = group.isEmpty() ? configuration
                : configuration(blankToNull(options.reportNameSuffix()) == null ? group
                        : options.reportNameSuffix() + "-" + group);
        DefaultReporterFactory factory = new DefaultReporterFactory(workerConfiguration, logger, number + 1);
        perWorker.computeIfAbsent(group, g -> new ArrayList<>()).add(factory);
        sinks.put(workerId, new WorkerSink(factory.createTestReportListener(), Map.copyOf(properties)));
        LiveOutput live = options.redirectTestOutputToFile() ? null
                : new LiveOutput(label, System.out, System.err, statusLine::printAbove);
        return new WorkerReport(workerId, this::unitDone, live, providerNames, options.naming());
    }

    /** A unit is done; when it was its class's last, the class is reported through that worker's reporters. */
    private void unitDone(UnitRecording recording, String workerId) {
        finishedUnits++;
        String className = recording.unit.className();
        String key = classKey(recording.unit);
        recordings.computeIfAbsent(key, c -> new ArrayList<>()).add(recording);
        if (unitsLeft.merge(key, -1, Integer::sum) > 0) {
            return;
        }
        unitsLeft.remove(key);
        List<UnitRecording> parts = recordings.remove(key);
        if (parts.stream().allMatch(part -> part.isEmpty() && (providerNames || !part.classRan()))) {
            // no tests in it and no class container ran (an abstract class, a helper matching the patterns): Surefire
            // reports nothing; a class that ran without a case (aborted in @BeforeAll) gets its report, Tests run: 0
            return;
        }
        WorkerSink sink = sinks.get(workerId);
        if (oneTestSet != null) {
            oneTestSetParts.add(recording.unit.group(), parts, workerId, sink.properties());
            return;
        }
        if (options.naming().nestedClassReports()) {
            reportByTestSet(recording, parts, sink);
            return;
        }
        // one test set per top-level class: Surefire 3.5.4 writes @Nested classes' cases into their outer class's report
        int elapsed = (int) parts.stream().mapToLong(UnitRecording::elapsedMillis).sum();
        long runId = recording.unit.id();
        sink.listener().testSetStarting(new SimpleReportEntry(NORMAL_RUN, runId, className, null, null, null,
                sink.properties()));
        parts.forEach(part -> part.calls().forEach(call -> call.accept(sink.listener())));
        sink.listener().testSetCompleted(new SimpleReportEntry(NORMAL_RUN, runId, className, null, null, null, null,
                elapsed, sink.properties()));
    }

    /**
     * One test set per class, {@code @Nested} ones included, as Surefire before 3.5.4 reports them (see
     * {@link io.distest.maven.surefire.ReportNaming}); the class's time goes to its first test set.
     */
    private void reportByTestSet(UnitRecording recording, List<UnitRecording> parts, WorkerSink sink) {
        Map<String, List<Consumer<TestReportListener<TestOutputReportEntry>>>> byTestSet =
                new LinkedHashMap<>();
        parts.forEach(part -> part.callsByTestSet().forEach((name, calls) ->
                byTestSet.computeIfAbsent(name, n -> new ArrayList<>()).addAll(calls)));
        int elapsed = (int) parts.stream().mapToLong(UnitRecording::elapsedMillis).sum();
        long runId = recording.unit.id();
        boolean first = true;
        for (String set : options.naming().testSets(recording.unit.className(), byTestSet.keySet())) {
            sink.listener().testSetStarting(new SimpleReportEntry(NORMAL_RUN, runId, set, null, null, null,
                    sink.properties()));
            byTestSet.getOrDefault(set, List.of()).forEach(call -> call.accept(sink.listener()));
            sink.listener().testSetCompleted(new SimpleReportEntry(NORMAL_RUN, runId, set, null, null, null,
                    null, first ? elapsed : 0, sink.properties()));
            first = false;
        }
    }

    private String progress() {
        int percent = totalUnits == 0 ? 100 : (int) (100L * finishedUnits / totalUnits);
        return String.format("[%3d%%]", percent);
    }

    /** Merges every worker's results, prints Surefire's summary and returns the totals. */
    public RunResult finish() {
        if (oneTestSet != null) {
            oneTestSetParts.complete().forEach((group, factory) -> perWorker.computeIfAbsent(group, g -> new ArrayList<>()).add(factory));
            providerReports.write(log);
        }
        List<String> groups = perWorker.keySet().stream().filter(g -> !g.isEmpty()).toList();
        if (groups.size() <= 1) {
            perWorker.values().forEach(global::mergeFromOtherFactories);
            return global.close();
        }
        // dist=each: the same test on several platforms is not a re-run; every platform is summed up apart
        RunResult total = null;
        for (Map.Entry<String, List<DefaultReporterFactory>> group : perWorker.entrySet()) {
            log.info("");
            log.info("Results of " + (group.getKey().isEmpty() ? "tests no gateway ran" : group.getKey()) + ":");
            DefaultReporterFactory summary = new DefaultReporterFactory(configuration, new PrefixedConsoleLogger(log, () -> "", options.naming().skippedSummaryAsInfo()));
            summary.mergeFromOtherFactories(group.getValue());
            RunResult result = summary.close();
            total = total == null ? result : total.aggregate(result);
        }
        return total;
    }
}
