package io.distest.maven.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.distest.maven.schedule.TestUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {
    private final AtomicLong nanos = new AtomicLong();
    private final List<TestUnit> units = List.of(TestUnit.wholeClass(1, "A"), TestUnit.wholeClass(2, "B"),
            TestUnit.wholeClass(3, "C"), TestUnit.wholeClass(4, "D"));

    @Test
    void countsTestsFailuresAndClasses() {
        Progress progress = new Progress(units, u -> 0, nanos::get);
        progress.unitStarted(units.get(0));
        progress.testFinished(false);
        progress.testFinished(true);
        progress.testFinished(false);
        progress.unitFinished(units.get(0));
        assertEquals("3 tests, 1 failed · 1/4 classes", progress.describe().replaceAll(" · about .*", ""));
    }

    @Test
    void withAHistoryTheEstimateIsTheExpectedTimeLeftSpreadOverTheWorkers() {
        Map<String, Long> expected = Map.of("A", 4_000L, "B", 4_000L, "C", 2_000L, "D", 2_000L);
        Progress progress = new Progress(units, u -> expected.get(u.className()), nanos::get);
        progress.workerReady();
        progress.workerReady();
        assertEquals(6_000, progress.millisLeft(), "12 s of tests on 2 workers");
        progress.unitStarted(units.get(0));
        progress.unitStarted(units.get(1));
        advance(1_000);
        assertEquals(5_000, progress.millisLeft(), "1 s spent on each running class");
        progress.unitFinished(units.get(0));
        assertEquals(3_500, progress.millisLeft(), "B has 3 s left, C and D 4 s");
        assertEquals("0 tests · 1/4 classes · about 4s left", progress.describe());
    }

    @Test
    void withoutAHistoryTheEstimateFollowsThePaceSoFarAndWaitsForAFirstClass() {
        Progress progress = new Progress(units, u -> 0, nanos::get);
        progress.workerReady();
        assertEquals(-1, progress.millisLeft(), "nothing to base it on");
        progress.unitStarted(units.get(0));
        advance(2_000);
        progress.unitFinished(units.get(0));
        assertEquals(6_000, progress.millisLeft(), "three classes left at 2 s each");
    }

    @Test
    void aReturnedUnitIsNotCountedAsDoneAndItsTimeIsNotSpent() {
        Progress progress = new Progress(units, u -> 1_000, nanos::get);
        progress.workerReady();
        progress.unitStarted(units.get(0));
        advance(500);
        progress.unitReturned(units.get(0));
        assertEquals(4_000, progress.millisLeft());
        assertEquals("0 tests · 0/4 classes · about 4s left", progress.describe());
    }

    @Test
    void durationsReadAsAPersonSaysThem() {
        assertEquals("1s", Progress.duration(1));
        assertEquals("59s", Progress.duration(59_000));
        assertEquals("1m 20s", Progress.duration(80_000));
        assertEquals("2h 5m", Progress.duration(7_500_000));
    }

    private void advance(long millis) {
        nanos.addAndGet(millis * 1_000_000);
    }
}
