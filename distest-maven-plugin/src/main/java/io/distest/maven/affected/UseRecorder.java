package io.distest.maven.affected;

import io.distest.maven.report.RunObserver;
import io.distest.maven.schedule.TestUnit;
import io.distest.protocol.Outcome;
import io.distest.protocol.TestFinished;
import io.distest.protocol.TestTimedOut;
import io.distest.protocol.UnitFinished;
import io.distest.protocol.UnitUsed;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Hears the run and keeps, per test class that ran, whether it passed as a whole and what its units used. A class
 * passes only when each of its units ended normally with a use record and none of its tests failed, erred or
 * timed out: a unit lost with its worker, abandoned, not run, skipped or run again (a failure re-run, so a flaky
 * class) makes the class one that runs next time.
 */
final class UseRecorder implements RunObserver {
    private final Map<String, Set<Dependency>> used = new LinkedHashMap<>();
    private final Set<String> failed = new HashSet<>();
    /** Units heard of per class, and those that ended with a record. */
    private final Map<String, Set<Integer>> units = new HashMap<>();
    private final Set<Integer> recorded = new HashSet<>();
    private final Map<Integer, String> classOfUnit = new HashMap<>();
    /** Units whose record came, until they end. */
    private final Set<Integer> withRecord = new HashSet<>();

    @Override
    public void unitStarted(String workerId, TestUnit unit) {
        units.computeIfAbsent(unit.className(), name -> new HashSet<>()).add(unit.id());
        classOfUnit.put(unit.id(), unit.className());
    }

    @Override
    public void unitUsed(String workerId, TestUnit unit, UnitUsed record) {
        Set<Dependency> classUsed = used.computeIfAbsent(unit.className(), name -> new TreeSet<>());
        // the class itself, even when none of its code ran here (an abstract class, one loaded by an earlier unit):
        // the engine read its methods and annotations
        classUsed.add(new Dependency(Dependency.Kind.CLASS, unit.className().replace('.', '/')));
        record.classes().forEach(name -> classUsed.add(new Dependency(Dependency.Kind.CLASS, name)));
        record.resources().forEach(name -> classUsed.add(new Dependency(Dependency.Kind.RESOURCE, name)));
        record.files().forEach(name -> classUsed.add(new Dependency(Dependency.Kind.FILE, name)));
        withRecord.add(unit.id());
    }

    @Override
    public void testFinished(String workerId, TestUnit unit, TestFinished finished) {
        if (finished.outcome() == Outcome.FAILED || finished.outcome() == Outcome.ERROR) {
            failed.add(unit.className());
        }
    }

    @Override
    public void unitFinished(String workerId, TestUnit unit, UnitFinished finished) {
        if (finished.error() != null) {
            failed.add(unit.className());
        } else if (withRecord.contains(unit.id())) {
            recorded.add(unit.id());
        }
        withRecord.remove(unit.id());
    }

    @Override
    public void testTimedOut(String workerId, TestTimedOut timedOut) {
        String className = classOfUnit.get(timedOut.unitId());
        if (className != null) {
            failed.add(className);
        }
    }

    @Override
    public void unitLost(String workerId, TestUnit unit, TestUnit rest, String cause) {
        failed.add(unit.className());
    }

    @Override
    public void unitAdded(TestUnit unit, boolean rerun) {
        units.computeIfAbsent(unit.className(), name -> new HashSet<>()).add(unit.id());
        if (rerun) {
            failed.add(unit.className());
        }
    }

    @Override
    public void unitAbandoned(String workerId, TestUnit unit, String reason) {
        failed.add(unit.className());
    }

    @Override
    public void unitSkipped(TestUnit unit, String reason) {
        failed.add(unit.className());
    }

    @Override
    public void unitNotRun(TestUnit unit, String why) {
        failed.add(unit.className());
    }

    /** Classes that ran, each with whether it passed as a whole and (if so) what it used. */
    Map<String, Set<Dependency>> passed() {
        Map<String, Set<Dependency>> passed = new LinkedHashMap<>();
        units.forEach((className, ids) -> {
            if (!failed.contains(className) && recorded.containsAll(ids) && used.containsKey(className)) {
                passed.put(className, used.get(className));
            }
        });
        return passed;
    }

    /** Every class a unit of which started or was added. */
    Set<String> ran() {
        Set<String> ran = new TreeSet<>(units.keySet());
        ran.addAll(failed);
        return ran;
    }
}
