package io.distest.maven.report;

import io.distest.maven.schedule.TestUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.maven.surefire.api.report.TestOutputReportEntry;
import org.apache.maven.surefire.api.report.TestReportListener;

/**
 * What happened in one unit, kept as Surefire report calls until every unit of its class is done: a class whose
 * methods ran on several workers, or ran again, still becomes one report.
 */
final class UnitRecording {
    final TestUnit unit;
    private final List<Consumer<TestReportListener<TestOutputReportEntry>>> calls = new ArrayList<>();
    /** The test set each call belongs to, by index ({@code null}: the unit's class); see {@link #inTestSet}. */
    private final List<String> testSets = new ArrayList<>();
    private String testSet;
    private long elapsedMillis;
    private boolean classRan;

    UnitRecording(TestUnit unit) {
        this.unit = unit;
    }

    void add(Consumer<TestReportListener<TestOutputReportEntry>> call) {
        calls.add(call);
        testSets.add(testSet);
    }

    /** The calls from now on belong to test set {@code name} (a report file of its own); {@code null}: the unit's. */
    void inTestSet(String name) {
        testSet = name;
    }

    /** The calls by the test set they belong to, in order of first use; the unit's own class for {@code null}. */
    Map<String, List<Consumer<TestReportListener<TestOutputReportEntry>>>> callsByTestSet() {
        Map<String, List<Consumer<TestReportListener<TestOutputReportEntry>>>> byTestSet = new LinkedHashMap<>();
        for (int i = 0; i < calls.size(); i++) {
            String name = testSets.get(i) == null ? unit.className() : testSets.get(i);
            byTestSet.computeIfAbsent(name, n -> new ArrayList<>()).add(calls.get(i));
        }
        return byTestSet;
    }

    List<Consumer<TestReportListener<TestOutputReportEntry>>> calls() {
        return calls;
    }

    void finish(long elapsedMillis) {
        this.elapsedMillis = elapsedMillis;
    }

    boolean isEmpty() {
        return calls.isEmpty();
    }

    void classRan(boolean ran) {
        this.classRan = ran;
    }

    /** Whether the unit's class container ran on the JUnit Platform, cases or not. */
    boolean classRan() {
        return classRan;
    }

    long elapsedMillis() {
        return elapsedMillis;
    }
}
