package io.distest.maven.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distest.maven.schedule.DurationHistory.Measurement;
import io.distest.maven.schedule.DurationHistory;
import io.distest.maven.schedule.TestUnit;
import io.distest.maven.schedule.UnitPlanner.Plan;
import io.distest.maven.schedule.UnitPlanner;
import io.distest.protocol.Outcome;
import io.distest.protocol.TestFinished;
import io.distest.protocol.TestId;
import io.distest.protocol.UnitFinished;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;

/** The observer fed by hand, with a clock the test moves. */
class DurationObserverTest {
    private long now;
    private final List<String> lines = new ArrayList<>();
    private final SystemStreamLog log = new SystemStreamLog() {
        @Override
        public void info(CharSequence content) {
            lines.add(content.toString());
        }
    };
    private final List<List<Measurement>> written = new ArrayList<>();

    private DurationObserver observer(Plan plan, int workers) {
        return new DurationObserver(log, workers, plan, written::add, () -> now, null);
    }

    private static TestFinished test(TestUnit unit, String className, String method, long millis) {
        return new TestFinished(unit.id(), new TestId("[u]/" + className + "/" + method, className, method, method),
                Outcome.SUCCESSFUL, millis, null, null);
    }

    private void advance(long millis) {
        now += millis * 1_000_000;
    }

    /** a.Big split by method in two units, a.Small whole: three units for two workers. */
    private static Plan bigSplitInTwoAndSmall() {
        DurationHistory history = DurationHistory.parse(List.of("a.Big\t\t2200", "a.Big\tx\t1000", "a.Big\ty\t1000",
                "a.Small\t\t100"));
        return new UnitPlanner(history, 2, true, c -> Optional.empty())
                .plan(List.of(TestUnit.wholeClass(0, "a.Big"), TestUnit.wholeClass(1, "a.Small")));
    }

    @Test
    void measuresASplitClassAsOneWholeWithOneSetUp() {
        Plan plan = bigSplitInTwoAndSmall();
        TestUnit first = plan.units().get(0);
        TestUnit second = plan.units().get(1);
        TestUnit small = plan.units().get(2);
        assertEquals("a.Small", small.className());
        DurationObserver observer = observer(plan, 2);

        advance(400);
        observer.workerReady("gw0", 0.4);
        observer.workerReady("gw1", 0.4);
        advance(600);
        observer.testFinished("gw0", first, test(first, "a.Big", "x", 900));
        observer.unitFinished("gw0", first, new UnitFinished(first.id(), 1000, null));
        observer.testFinished("gw1", second, test(second, "a.Big", "y(int)[1]", 500));
        observer.testFinished("gw1", second, test(second, "a.Big", "y(int)[2]", 500));
        observer.unitFinished("gw1", second, new UnitFinished(second.id(), 1100, null));
        advance(100);
        observer.testFinished("gw0", small, test(small, "a.Small", "s", 50));
        observer.unitFinished("gw0", small, new UnitFinished(small.id(), 60, null));
        observer.runFinished(1_200_000_000L);

        Measurement big = written.get(0).stream().filter(m -> m.className().equals("a.Big")).findFirst().orElseThrow();
        assertEquals(1900 + 10, big.millis(),
                "the tests plus one set-up; both parts came first on their JVM: a warm unit's set-up (10) counts");
        assertEquals(Map.of("x", 900L, "y", 1000L), big.methodMillis(), "invocations of one method add up");
        assertTrue(big.complete());
        Efficiency efficiency = observer.efficiency();
        assertEquals(400, efficiency.startupMillis());
        assertEquals(2160, efficiency.testMillis());
        assertEquals("gw0", efficiency.last().workerId());
        assertTrue(String.join("\n", lines).contains("critical path: gw0 ended last, its longest unit a.Big (part 1 of 2) took 1.0 s"),
                String.join("\n", lines));
    }

    @Test
    void countsTheWarmUpOfAFreshJvmAgainstNoClass() {
        Plan plan = Plan.unchanged(List.of(TestUnit.wholeClass(0, "a.A"), TestUnit.wholeClass(1, "a.B"),
                TestUnit.wholeClass(2, "a.C")));
        DurationObserver observer = observer(plan, 1);
        observer.workerReady("gw0", 0.3);
        long[][] testsAndElapsed = {{100, 1600}, {100, 150}, {100, 130}};
        for (int i = 0; i < 3; i++) {
            TestUnit unit = plan.units().get(i);
            observer.testFinished("gw0", unit, test(unit, unit.className(), "m", testsAndElapsed[i][0]));
            observer.unitFinished("gw0", unit, new UnitFinished(unit.id(), testsAndElapsed[i][1], null));
        }
        observer.runFinished(2_000_000_000L);
        assertEquals(List.of(150L, 150L, 130L), written.get(0).stream().map(Measurement::millis).toList(),
                "a.A's 1.5 s of launcher warm-up is the JVM's, not a.A's");
    }

    @Test
    void aClassWhoseUnitWasLostRanOnlyInPart() {
        Plan plan = Plan.unchanged(List.of(TestUnit.wholeClass(0, "a.A"), TestUnit.wholeClass(1, "a.B")));
        DurationObserver observer = observer(plan, 1);
        observer.workerReady("gw0", 0.3);
        TestUnit a = plan.units().get(0);
        TestUnit b = plan.units().get(1);
        observer.testFinished("gw0", a, test(a, "a.A", "m", 10));
        observer.unitFinished("gw0", a, new UnitFinished(a.id(), 20, null));
        observer.testFinished("gw0", b, test(b, "a.B", "m", 10)); // and then its worker died
        TestUnit rest = b.again(7, List.of(), List.of("[u]/a.B/m"));
        observer.testFinished("gw0", rest, test(rest, "a.B", "n", 10));
        observer.unitFinished("gw0", rest, new UnitFinished(rest.id(), 15, null));
        observer.runFinished(1_000_000_000L);

        assertEquals(List.of("a.A"), written.get(0).stream().map(Measurement::className).toList(),
                "a.B never finished as planned: nothing measured of it is trusted as a whole");
    }

    @Test
    void measuresStartUpOnTheFirstJvmsOnly() {
        Plan plan = Plan.unchanged(List.of(TestUnit.wholeClass(0, "a.A")));
        DurationObserver observer = observer(plan, 1);
        observer.workerReady("gw0", 0.5);
        observer.workerReady("gw0", 3.0); // a replacement after a crash
        observer.runFinished(5_000_000_000L);
        assertEquals(500, observer.efficiency().startupMillis());
    }

    @Test
    void keepsWhatAClassCostsWithoutTheTimeItsThreadWaitedForABusyCore() {
        List<TestUnit> units = List.of(TestUnit.wholeClass(0, "a.Warm"), TestUnit.wholeClass(1, "a.Crowded"),
                TestUnit.wholeClass(2, "a.Alone"));
        DurationObserver observer = observer(Plan.unchanged(units), 1);
        observer.workerReady("gw0", 0.4);
        observer.testFinished("gw0", units.get(0), test(units.get(0), "a.Warm", "t", 100));
        observer.unitFinished("gw0", units.get(0), new UnitFinished(0, 110, 105, null, "", 0));
        observer.testFinished("gw0", units.get(1), test(units.get(1), "a.Crowded", "t", 1900));
        observer.unitFinished("gw0", units.get(1), new UnitFinished(1, 2000, 1950, null, "", 1000));
        observer.testFinished("gw0", units.get(2), test(units.get(2), "a.Alone", "t", 990));
        observer.unitFinished("gw0", units.get(2), new UnitFinished(2, 1000, 995, null, "", 0));
        observer.runFinished(4_000_000_000L);

        Map<String, Long> measured = new java.util.TreeMap<>();
        written.get(0).forEach(m -> measured.put(m.className(), m.millis()));
        assertEquals(1000, measured.get("a.Crowded"), "half of its 2000 ms were waits for a core: " + measured);
        assertEquals(1000, measured.get("a.Alone"), measured.toString());
        assertEquals(Map.of("t", 950L), written.get(0).stream().filter(m -> m.className().equals("a.Crowded"))
                .findFirst().orElseThrow().methodMillis(), "its methods are counted alike");
    }

    @Test
    void marksTheClassesThatStartedTheirFixtureAndWarmedTheirFrameworkUpInEachJvm() {
        List<TestUnit> units = List.of(TestUnit.wholeClass(0, "a.A1"), TestUnit.wholeClass(1, "a.A2"),
                TestUnit.wholeClass(2, "a.B1"), TestUnit.wholeClass(3, "a.A3"));
        DurationObserver observer = observer(Plan.unchanged(units), 2);
        observer.workerReady("gw0", 0.4);
        observer.workerReady("gw1", 0.4);
        observer.unitFinished("gw0", units.get(0), new UnitFinished(0, 3000, 2900, null, "spring:a"));
        observer.unitFinished("gw0", units.get(1), new UnitFinished(1, 300, 290, null, "spring:a"));
        observer.unitFinished("gw0", units.get(2), new UnitFinished(2, 1800, 1790, null, "spring:b"));
        observer.unitFinished("gw1", units.get(3), new UnitFinished(3, 3100, 3000, null, "spring:a"));
        observer.runFinished(5_000_000_000L);

        Map<String, String> flags = new java.util.TreeMap<>();
        written.get(0).forEach(m -> flags.put(m.className(), m.fixture() + (m.fixtureStarted() ? " started" : "")
                + (m.frameworkStarted() ? " warmed-up" : "")));
        assertEquals(Map.of("a.A1", "spring:a started warmed-up", "a.A2", "spring:a", "a.B1", "spring:b started",
                "a.A3", "spring:a started warmed-up"), flags);
    }

    @Test
    void addsUpTheProcessorTimeOfAClassesUnitsAndKnowsNoneWhenAUnitCouldNotTell() {
        Plan plan = bigSplitInTwoAndSmall();
        DurationObserver observer = observer(plan, 2);
        observer.workerReady("gw0", 0.4);
        observer.workerReady("gw1", 0.4);
        TestUnit first = plan.units().get(0);
        TestUnit second = plan.units().get(1);
        TestUnit small = plan.units().get(2);
        observer.unitFinished("gw0", first, new UnitFinished(first.id(), 1000, 1000, null, "", 0, 1500));
        observer.unitFinished("gw1", second, new UnitFinished(second.id(), 1100, 1100, null, "", 0, 700));
        observer.unitFinished("gw0", small, new UnitFinished(small.id(), 60, 60, null, "", 0, -1));
        observer.runFinished(1_200_000_000L);

        Map<String, Long> cpu = new java.util.TreeMap<>();
        written.get(0).forEach(m -> cpu.put(m.className(), m.cpuMillis()));
        assertEquals(Map.of("a.Big", 2200L, "a.Small", -1L), cpu);
    }
}
