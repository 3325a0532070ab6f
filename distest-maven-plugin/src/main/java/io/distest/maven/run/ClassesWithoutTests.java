package io.distest.maven.run;

import io.distest.maven.report.RunObserver;
import io.distest.maven.schedule.TestUnit;
import io.distest.protocol.TestFinished;
import io.distest.protocol.UnitFinished;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The classes whose units ran to their end without a test (an abstract base, a benchmark named like a test): they
 * leave no report, yet they ran.
 */
final class ClassesWithoutTests implements RunObserver {
    private final Map<String, Integer> tests = new HashMap<>();
    private final SortedSet<String> ran = new TreeSet<>();

    @Override
    public void testFinished(String workerId, TestUnit unit, TestFinished test) {
        tests.merge(unit.className(), 1, Integer::sum);
    }

    @Override
    public void unitFinished(String workerId, TestUnit unit, UnitFinished finished) {
        ran.add(unit.className());
    }

    SortedSet<String> classes() {
        SortedSet<String> without = new TreeSet<>(ran);
        without.removeAll(tests.keySet());
        return without;
    }
}
