package io.distest.maven.run;

import static org.apache.maven.surefire.api.report.RunMode.NORMAL_RUN;

import java.util.ArrayList;
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
 * The results of a provider run (TestNG) kept for one test set per gateway group, reported when the run ends: with
 * one fork Surefire's TestNG provider reports every class in one test set, {@code TestSuite}, so one
 * {@code TEST-TestSuite.xml} holds all classes, whichever worker ran them.
 */
final class OneTestSet {
    private record Group(List<UnitRecording> parts, TreeSet<String> workers, Map<String, String> properties) {}

    private final Map<String, Group> groups = new LinkedHashMap<>();
    private long startMillis = System.currentTimeMillis();

    void started() {
        startMillis = System.currentTimeMillis();
    }

    void add(String group, List<UnitRecording> parts, String workerId, Map<String, String> properties) {
        Group kept = groups.computeIfAbsent(group, g -> new Group(new ArrayList<>(), new TreeSet<>(),
                new LinkedHashMap<>(properties)));
        kept.parts().addAll(parts);
        kept.workers().add(workerId);
    }

    /**
     * Replays every group's results into one test set of a reporter factory of its own.
     *
     * @return the factories by group, to be merged into the run's summary
     */
    Map<String, DefaultReporterFactory> report(String testSetName, Function<String, DefaultReporterFactory> factories) {
        Map<String, DefaultReporterFactory> reported = new LinkedHashMap<>();
        int elapsed = (int) (System.currentTimeMillis() - startMillis);
        groups.forEach((name, group) -> {
            DefaultReporterFactory factory = factories.apply(name);
            TestReportListener<TestOutputReportEntry> listener = factory.createTestReportListener();
            Map<String, String> properties = new LinkedHashMap<>(group.properties());
            properties.put("distest.worker", String.join(",", group.workers()));
            listener.testSetStarting(new SimpleReportEntry(NORMAL_RUN, 0L, testSetName, null, null, null, properties));
            group.parts().forEach(part -> part.calls().forEach(call -> call.call().accept(listener)));
            listener.testSetCompleted(new SimpleReportEntry(NORMAL_RUN, 0L, testSetName, null, null, null, null,
                    elapsed, properties));
            reported.put(name, factory);
        });
        return reported;
    }
}
