package io.distest.maven.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The worker budget's second rule: a worker more must pay for the starts it adds and the cores it takes. */
class ContentionTest {
    private static final WorkerBudget ON_TWO_CORES = new WorkerBudget(3, 2);

    /**
     * The generated Spring sample's shape: a 4 s warm-up, three contexts of 1.5 s, four classes of 0.3 s each. One
     * worker takes 12.1 s; two, one context cut apart, 8.8 s if their warm-ups did not slow each other.
     * {@code warmUpCpu} is the warm-up's processor time, or null.
     */
    private static DurationHistory threeContexts(Long warmUpCpu) {
        List<String> lines = new ArrayList<>();
        lines.add("spring\t(fixture start)\t4000" + (warmUpCpu == null ? "" : "\t" + warmUpCpu));
        for (int i = 0; i < 12; i++) {
            lines.add("T" + i + "\t\t300\tspring:" + i % 3);
        }
        for (int c = 0; c < 3; c++) {
            lines.add("spring:" + c + "\t(fixture start)\t1500" + (warmUpCpu == null ? "" : "\t200"));
        }
        return DurationHistory.parse(lines);
    }

    private static List<TestUnit> units(int classes) {
        List<TestUnit> units = new ArrayList<>();
        for (int i = 0; i < classes; i++) {
            units.add(TestUnit.wholeClass(i, "T" + i));
        }
        return units;
    }

    @Test
    void startsASecondWarmUpWhenTheFirstLeavesMostOfACoreFree() {
        // 1.2 cores each: two warm-ups ask 9.6 s of processor time of the 8 s two cores give in 4 s; 0.8 s lost
        assertEquals(2, ON_TWO_CORES.decide(threeContexts(4800L), units(12), 2).started());
    }

    @Test
    void leavesOutASecondWarmUpWhenTheFirstKeepsEveryCoreBusy() {
        // 2 cores each: the second warm-up doubles the first (4 s lost), more than the 3.3 s the worker saves
        WorkerBudget.Decision decision = ON_TWO_CORES.decide(threeContexts(8000L), units(12), 2);
        assertEquals(1, decision.started(), decision.reason());
    }

    @Test
    void aHistoryWithoutProcessorTimesChargesTheWholeWarmUpAsBefore() {
        assertEquals(1, ON_TWO_CORES.decide(threeContexts(null), units(12), 2).started());
    }

    @Test
    void moreCoresGiveASecondWarmUpRoomEvenWhenEachKeepsTwoBusy() {
        assertEquals(2, new WorkerBudget(3, 4).decide(threeContexts(8000L), units(12), 2).started());
    }

    /** spring-petclinic's shape: one Spring block (a 10 s warm-up, one context) and four plain classes of 1 s. */
    private static DurationHistory oneContextAndPlainClasses(long warmUpCpu) {
        List<String> lines = new ArrayList<>(List.of("spring\t(fixture start)\t10000\t" + warmUpCpu,
                "T0\t\t500\tspring:s", "spring:s\t(fixture start)\t1000\t1000"));
        for (int i = 1; i <= 4; i++) {
            lines.add("T" + i + "\t\t1000");
        }
        return DurationHistory.parse(lines);
    }

    @Test
    void leavesOutAWorkerForPlainClassesBesideAWarmUpThatKeepsEveryCoreBusy() {
        DurationHistory history = oneContextAndPlainClasses(22000); // 2.2 cores
        Contention contention = new Contention(history, 2);
        FixtureBlocks grouping = new FixtureBlocks(unit -> history.classMillis(unit.className()).orElse(0),
                unit -> history.fixture(unit.className()), history::fixtureStartMillis,
                FixtureBlocks.STARTS_ON_SHARED_CORES);
        // one JVM: 22 s asked of the 20 s two cores give in 10 s; with a second, its 4 s of plain classes on both cores
        assertEquals(1000, contention.lostToEachOther(grouping.blocks(units(5), 1), 1));
        assertEquals(5000, contention.lostToEachOther(grouping.blocks(units(5), 2), 2));
        assertEquals(1, contention.worthTheirFixtures(units(5), 2), "4 s saved against 4 s more lost");
    }

    @Test
    void startsAWorkerForPlainClassesWhereTheWarmUpLeavesTheCoresIdle() {
        // a warm-up that mostly waits (half a core): the plain classes fit in what it leaves
        assertEquals(2, new Contention(oneContextAndPlainClasses(5000), 2).worthTheirFixtures(units(5), 2));
    }

    @Test
    void leavesOneJvmForContextsThatKeepEveryCoreBusyAsTheyStart() {
        // spring-petclinic's shape: six contexts of 3 s that each keep two cores busy, one class each, a warm-up of
        // 6 s at two cores. Two workers would end at 22.5 s by their makespan, but the cores have 31.5 s of work then
        List<String> lines = new ArrayList<>(List.of("spring\t(fixture start)\t6000\t12000"));
        for (int i = 0; i < 6; i++) {
            lines.add("T" + i + "\t\t500\tspring:" + i);
            lines.add("spring:" + i + "\t(fixture start)\t3000\t6000");
        }
        Contention contention = new Contention(DurationHistory.parse(lines), 2);
        assertEquals(1, contention.worthTheirFixtures(units(6), 2));
    }
}
