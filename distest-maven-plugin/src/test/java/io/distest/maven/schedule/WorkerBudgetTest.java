package io.distest.maven.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distest.maven.parameter.Parameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkerBudgetTest {
    private static final WorkerBudget TWO_SECONDS = new WorkerBudget(2.0);
    private static final WorkerBudget DEFAULT = new WorkerBudget(Parameters.minTestSecondsPerWorkerDefault());

    private static List<TestUnit> units(int classes) {
        List<TestUnit> units = new ArrayList<>();
        for (int i = 0; i < classes; i++) {
            units.add(TestUnit.wholeClass(i, "T" + i));
        }
        return units;
    }

    /** {@code classes} classes taking {@code totalMillis} together. */
    private static DurationHistory history(int classes, long totalMillis) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < classes; i++) {
            lines.add("T" + i + "\t\t" + totalMillis / classes);
        }
        return DurationHistory.parse(lines);
    }

    @Test
    void startsOneWorkerWhenTheTestsTakeLessThanTwoWorkersCanShare() {
        WorkerBudget.Decision decision = TWO_SECONDS.decide(history(100, 1_100), units(100), 2);

        assertEquals(1, decision.started());
        assertTrue(decision.trimmed());
        assertEquals(1_100, decision.expectedMillis());
        assertEquals("the durations history puts this run's tests at 1.1 s: 2 workers would get less than 2.0 s each"
                + " (distest.minTestSecondsPerWorker); set it to 0 to start every worker", decision.reason());
    }

    @Test
    void startsFloorOfTestTimeOverTheMinimumWorkers() {
        assertEquals(3, TWO_SECONDS.decide(history(10, 7_900), units(10), 4).started());
        assertEquals(2, TWO_SECONDS.decide(history(10, 4_000), units(10), 4).started(), "exactly 2 s each is enough");
        assertTrue(TWO_SECONDS.decide(history(10, 7_900), units(10), 4).reason().contains("4 workers would get less"));
    }

    @Test
    void leavesALongSuiteOnEveryRequestedWorker() {
        WorkerBudget.Decision decision = TWO_SECONDS.decide(history(40, 24_000), units(40), 4);

        assertEquals(4, decision.started());
        assertFalse(decision.trimmed());
        assertEquals("", decision.reason());
    }

    @Test
    void neverStartsFewerThanOneWorker() {
        assertEquals(1, TWO_SECONDS.decide(history(3, 0), units(3), 8).started());
    }

    @Test
    void startsEveryWorkerWhenTheHistoryDoesNotKnowEverySelectedClass() {
        DurationHistory history = DurationHistory.parse(List.of("T0\t\t10", "T1\t\t10"));

        WorkerBudget.Decision decision = TWO_SECONDS.decide(history, units(5), 4);

        assertEquals(4, decision.started());
        assertEquals(-1, decision.expectedMillis(), "T2 has no history: a first run of that class");
    }

    @Test
    void startsEveryWorkerWithoutHistory() {
        assertEquals(2, TWO_SECONDS.decide(DurationHistory.empty(), units(100), 2).started());
    }

    @Test
    void neverStartsMoreWorkersThanUnitsOnAFirstRun() {
        WorkerBudget.Decision decision = TWO_SECONDS.decide(DurationHistory.empty(), units(1), 2);

        assertEquals(1, decision.started());
        assertEquals("only 1 test unit to run", decision.reason());
    }

    @Test
    void neverStartsMoreWorkersThanUnitsEvenWhenEveryWorkerIsAsked() {
        assertEquals(3, new WorkerBudget(0).decide(history(3, 60_000), units(3), 8).started());
    }

    @Test
    void capsAtTheUnitsWithoutAnyOtherRule() {
        assertEquals(2, WorkerBudget.atMostOnePerUnit(units(2), 4).started());
        assertEquals(1, WorkerBudget.atMostOnePerUnit(units(0), 4).started(), "never below one");
        assertEquals(4, WorkerBudget.atMostOnePerUnit(units(9), 4).started());
        assertFalse(WorkerBudget.atMostOnePerUnit(units(9), 4).trimmed());
    }

    @Test
    void zeroStartsEveryWorker() {
        assertEquals(4, new WorkerBudget(0).decide(history(100, 1_100), units(100), 4).started());
    }

    @Test
    void countsAClassSplitOrNarrowedIntoSeveralUnitsOnce() {
        List<TestUnit> units = List.of(new TestUnit(0, "T0", List.of("a"), List.of()),
                new TestUnit(1, "T0", List.of(), List.of("a")), TestUnit.wholeClass(2, "T1"));

        assertEquals(2_000, WorkerBudget.expectedMillis(history(2, 2_000), units));
    }

    @Test
    void refusesANegativeMinimumNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new WorkerBudget(-1));
        assertTrue(e.getMessage().contains("distest.minTestSecondsPerWorker") && e.getMessage().contains("-1"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new WorkerBudget(Double.NaN));
    }

    // ---------------------------------------------------------------- run after run, with the history's merging
    // (the default minimum, 3 s: what bench/results/overhead.txt measured on the trivial suite)

    /**
     * The trivial bench suite: 100 classes, 1.1 s of tests with one worker, but 2.2 s more for every extra cold JVM
     * (each warms up its own JIT: 3.3 s measured with two workers on a quiet machine). From no history on 2 workers,
     * the count must settle on 1 and stay there, although a run on 2 workers wrote inflated times.
     */
    @Test
    void settlesOnOneWorkerForATinySuiteDespiteTheTimesTwoColdJvmsMeasured() {
        List<Integer> counts = simulate(DEFAULT, 100, 1_100, 2_200, 2, 12);

        assertEquals(2, counts.get(0), "no history: every requested worker");
        assertEquals(List.of(1, 1, 1, 1, 1), counts.subList(counts.size() - 5, counts.size()), counts.toString());
    }

    @Test
    void comesDownStepByStepFromFourWorkersAndStaysDown() {
        List<Integer> counts = simulate(DEFAULT, 100, 1_100, 2_200, 4, 15);

        assertEquals(4, counts.get(0));
        assertEquals(List.of(1, 1, 1, 1, 1), counts.subList(counts.size() - 5, counts.size()), counts.toString());
        for (int i = 1; i < counts.size(); i++) {
            assertTrue(counts.get(i) <= counts.get(i - 1), "never climbs back on the way down: " + counts);
        }
    }

    /**
     * On a loaded 2-core machine the same suite measured 5.4 s with two workers (4.3 s per extra cold JVM). The default
     * still brings it down to one worker; a minimum of 2 s would not: two workers' inflated times (5.4 s, 2.7 s each)
     * keep justifying two workers run after run.
     */
    @Test
    void settlesOnOneWorkerWhenALoadedMachineInflatesTwoWorkersTimesFurther() {
        List<Integer> counts = simulate(DEFAULT, 100, 1_100, 4_300, 2, 10);
        assertEquals(List.of(1, 1, 1, 1, 1), counts.subList(counts.size() - 5, counts.size()), counts.toString());

        List<Integer> atTwoSeconds = simulate(TWO_SECONDS, 100, 1_100, 4_300, 2, 10);
        assertEquals(2, atTwoSeconds.get(atTwoSeconds.size() - 1), "the trap the default avoids: " + atTwoSeconds);
    }

    @Test
    void keepsEveryWorkerForALongSuiteRunAfterRun() {
        List<Integer> counts = simulate(DEFAULT, 40, 24_000, 500, 4, 8);

        assertEquals(List.of(4, 4, 4, 4, 4, 4, 4, 4), counts);
    }

    @Test
    void settlesOnTheCountTheSuitesOwnTimeAllowsForAMiddleSizedSuite() {
        List<Integer> counts = simulate(DEFAULT, 40, 7_000, 500, 4, 12);

        assertEquals(4, counts.get(0));
        assertEquals(List.of(2, 2, 2, 2), counts.subList(counts.size() - 4, counts.size()), "floor(7 s / 3 s): " + counts);
    }

    /**
     * Runs the suite {@code runs} times: each run decides its count from the history, "measures" the classes as a
     * run on that many workers would (the base time plus {@code extraMillisPerWorker} for every worker beyond the
     * first, spread over the classes) and merges that into the history. Returns each run's count.
     */
    private static List<Integer> simulate(WorkerBudget budget, int classes, long baseMillis, long extraMillisPerWorker,
            int requested, int runs) {
        DurationHistory history = DurationHistory.empty();
        List<Integer> counts = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            int workers = budget.decide(history, units(classes), requested).started();
            counts.add(workers);
            long total = baseMillis + extraMillisPerWorker * (workers - 1);
            List<DurationHistory.Measurement> measured = new ArrayList<>();
            for (int i = 0; i < classes; i++) {
                measured.add(new DurationHistory.Measurement("T" + i, total / classes, Map.of(), true));
            }
            history = history.merge(measured, name -> true);
        }
        return counts;
    }

    @Test
    void leavesOutAWorkerThatWouldOnlyWarmSpringUpAgain() {
        // petclinic's shape: Spring's first context in a JVM costs 7 s more than later ones, its classes 5 s in all
        List<String> lines = new ArrayList<>(List.of("spring\t(fixture start)\t7000"));
        for (int i = 0; i < 5; i++) {
            lines.add("T" + i + "\t\t600\tspring:" + i);
            lines.add("spring:" + i + "\t(fixture start)\t400");
        }
        WorkerBudget.Decision decision = DEFAULT.decide(DurationHistory.parse(lines), units(5), 2);
        assertEquals(1, decision.started(), decision.reason());
        assertEquals(7000 + 5 * (600 + 400), decision.expectedMillis(), "the warm-up and each context start once");
        assertTrue(decision.reason().contains("share Spring contexts"), decision.reason());
    }

    @Test
    void startsASecondWorkerWhenItsContextsTakeLongerThanWarmingSpringUpAgain() {
        // the generated sample's shape: three contexts of 1.5 s with four classes each, a 1 s warm-up
        List<String> lines = new ArrayList<>(List.of("spring\t(fixture start)\t1000"));
        for (int i = 0; i < 12; i++) {
            lines.add("T" + i + "\t\t400\tspring:" + i % 3);
        }
        for (int c = 0; c < 3; c++) {
            lines.add("spring:" + c + "\t(fixture start)\t1500");
        }
        assertEquals(2, DEFAULT.decide(DurationHistory.parse(lines), units(12), 2).started());
    }

    @Test
    void leavesOutAWorkerThatWouldRunOnlyPlainClassesBesideSpringsWarmUp() {
        // spring-petclinic's shape: a long warm-up, seven short contexts, plain classes that add up to 5 s
        List<String> lines = new ArrayList<>(List.of("spring\t(fixture start)\t11000"));
        for (int i = 0; i < 7; i++) {
            lines.add("S" + i + "\t\t500\tspring:" + i);
            lines.add("spring:" + i + "\t(fixture start)\t1200");
        }
        for (int i = 0; i < 5; i++) {
            lines.add("P" + i + "\t\t1000");
        }
        List<TestUnit> units = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            units.add(TestUnit.wholeClass(i, "S" + i));
        }
        for (int i = 0; i < 5; i++) {
            units.add(TestUnit.wholeClass(7 + i, "P" + i));
        }
        WorkerBudget.Decision decision = DEFAULT.decide(DurationHistory.parse(lines), units, 2);
        assertEquals(1, decision.started(), "5 s saved is less than the 11 s warm-up it would slow: " + decision.reason());
    }
}
