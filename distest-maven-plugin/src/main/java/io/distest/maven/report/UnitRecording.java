package io.distest.maven.report;

import io.distest.maven.schedule.TestUnit;
import java.util.ArrayList;
import java.util.List;
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
    private long elapsedMillis;

    UnitRecording(TestUnit unit) {
        this.unit = unit;
    }

    void add(Consumer<TestReportListener<TestOutputReportEntry>> call) {
        calls.add(call);
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

    long elapsedMillis() {
        return elapsedMillis;
    }
}
