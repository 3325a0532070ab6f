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

    @Test
    void aWorkerForPlainClassesLosesOnlyWhatItsWorkTakesFromTheWarmUpsCores() {
        // one Spring block (10 s warm-up at 1.9 cores); plain classes of 1 s each: a second worker takes them over
        List<String> lines = new ArrayList<>(List.of("spring\t(fixture start)\t10000\t19000", "S\t\t500\tspring:s",
                "spring:s\t(fixture start)\t1000\t1000"));
        List<TestUnit> units = new ArrayList<>(List.of(TestUnit.wholeClass(0, "S")));
        for (int i = 0; i < 4; i++) {
            lines.add("P" + i + "\t\t1000");
            units.add(TestUnit.wholeClass(1 + i, "P" + i));
        }
        Contention contention = new Contention(DurationHistory.parse(lines), 2);
        FixtureBlocks grouping = new FixtureBlocks(unit -> DurationHistory.parse(lines).classMillis(unit.className())
                .orElse(0), unit -> DurationHistory.parse(lines).fixture(unit.className()),
                DurationHistory.parse(lines)::fixtureStartMillis, FixtureBlocks.STARTS_ON_SHARED_CORES);
        // 19 s of warm-up and 4 s of plain work asked in a 10 s window of two cores: 3 s over, 1.5 s lost
        assertEquals(1500, contention.lostToEachOther(grouping.blocks(units, 2), 2));
        assertEquals(0, contention.lostToEachOther(grouping.blocks(units, 1), 1), "one JVM: 1.9 of 2 cores");
        assertEquals(2, contention.worthTheirFixtures(units, 2), "4 s saved against 1.5 s lost");
    }
}
