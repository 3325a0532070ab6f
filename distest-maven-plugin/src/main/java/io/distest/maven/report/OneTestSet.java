package io.distest.maven.report;

import io.distest.maven.parameter.Parameters;
import static org.apache.maven.surefire.api.report.RunMode.NORMAL_RUN;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.maven.plugin.surefire.report.DefaultReporterFactory;
import org.apache.maven.surefire.api.report.SimpleReportEntry;
import org.apache.maven.surefire.api.report.TestOutputReportEntry;
import org.apache.maven.surefire.api.report.TestReportListener;

/**
 * The one test set of a provider run (TestNG) per gateway group: with one fork Surefire's TestNG provider reports
 * every class in one test set, {@code TestSuite}, so one {@code TEST-TestSuite.xml} holds all classes, whichever
 * worker ran them. As with that fork, the test set opens with the first results and stays open for the whole run;
 * each unit's results (and output) go into it as soon as the unit is done.
 */
final class OneTestSet {
    private record Group(DefaultReporterFactory factory, TestReportListener<TestOutputReportEntry> listener,
            TreeSet<String> workers, Map<String, String> properties) {}

    private final String name;
    private final Function<String, DefaultReporterFactory> factories;
    private final Map<String, Group> groups = new LinkedHashMap<>();
    private long startMillis = System.currentTimeMillis();

    /** @param factories a reporter factory for a gateway group ("" without dist=each) */
    OneTestSet(String name, Function<String, DefaultReporterFactory> factories) {
        this.name = name;
        this.factories = factories;
    }

    void started() {
        startMillis = System.currentTimeMillis();
    }

    /** Reports the parts of a class that is done into its group's test set, opening that on first use. */
    void add(String group, List<UnitRecording> parts, String workerId, Map<String, String> properties) {
        Group kept = groups.computeIfAbsent(group, g -> {
            DefaultReporterFactory factory = factories.apply(g);
            TestReportListener<TestOutputReportEntry> listener = factory.createTestReportListener();
            listener.testSetStarting(new SimpleReportEntry(NORMAL_RUN, 0L, name, null, null, null, properties));
            return new Group(factory, listener, new TreeSet<>(), new LinkedHashMap<>(properties));
        });
        kept.workers().add(workerId);
        parts.forEach(part -> part.calls().forEach(call -> call.accept(kept.listener())));
    }

    /**
     * Closes every group's test set; its properties name all workers that contributed.
     *
     * @return the factories by group, to be merged into the run's summary
     */
    Map<String, DefaultReporterFactory> complete() {
        Map<String, DefaultReporterFactory> reported = new LinkedHashMap<>();
        int elapsed = (int) (System.currentTimeMillis() - startMillis);
        groups.forEach((group, kept) -> {
            Map<String, String> properties = new LinkedHashMap<>(kept.properties());
            properties.put(Parameters.WORKER, String.join(",", kept.workers()));
            kept.listener().testSetCompleted(new SimpleReportEntry(NORMAL_RUN, 0L, name, null, null, null, null,
                    elapsed, properties));
            reported.put(group, kept.factory());
        });
        groups.clear();
        return reported;
    }
}
