package io.distest.maven.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FixtureBlocksTest {
    /** Classes named by their fixture: "A1" uses spring:a, "P1" none; each takes 500 ms with its fixture up. */
    private static List<TestUnit> units(String... names) {
        List<TestUnit> units = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            units.add(TestUnit.wholeClass(i, names[i]));
        }
        return units;
    }

    private static FixtureBlocks grouping(long warmUp, long start) {
        return new FixtureBlocks(unit -> 500, unit -> unit.className().startsWith("P") ? ""
                : "spring:" + unit.className().substring(0, 1).toLowerCase(), key -> key.contains(":") ? start : warmUp,
                FixtureBlocks.STARTS_ON_SHARED_CORES);
    }

    private static List<String> describe(List<FixtureBlocks.Block> blocks) {
        return blocks.stream().map(block -> block.key() + "=" + block.units().stream().map(TestUnit::className)
                .sorted().collect(Collectors.joining(","))).toList();
    }

    @Test
    void keepsEachContextsClassesTogetherAndGivesTheTwoContextsOneWorkerEach() {
        List<FixtureBlocks.Block> blocks = grouping(1000, 1500).blocks(units("A1", "B1", "A2", "B2", "A3", "B3"), 2);
        assertEquals(List.of("spring#1=A1,A2,A3", "spring#2=B1,B2,B3"), describe(blocks));
        assertEquals(List.of(1000L + 1500, 1000L + 1500), blocks.stream().map(FixtureBlocks.Block::startsMillis).toList(),
                "each part warms the framework up and starts its one context");
        assertEquals(1000 + 1500 + 3 * 500, FixtureBlocks.makespan(blocks, 2));
    }

    @Test
    void keepsEverySpringClassOnOneWorkerWhenASecondWarmUpCostsMoreThanItSaves() {
        // spring's warm-up (8 s) dwarfs its classes (3 × 0.5 s): a second part would only add a warm-up
        List<FixtureBlocks.Block> blocks = grouping(8000, 300).blocks(units("A1", "B1", "C1", "P1", "P2"), 2);
        assertEquals(List.of("spring=A1,B1,C1", "=P1", "=P2"), describe(blocks));
    }

    @Test
    void cutsOneContextsClassesApartOnlyWhenTheRunEndsSoonerForIt() {
        // one context, eight classes: two parts end after 1.5 + 4 × 0.5 s instead of 1.5 + 8 × 0.5 s
        FixtureBlocks grouping = grouping(0, 1500);
        List<FixtureBlocks.Block> cut = grouping.blocks(units("A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8"), 2);
        assertEquals(2, cut.size(), describe(cut).toString());
        assertEquals(1500 + 4 * 500, FixtureBlocks.makespan(cut, 2));
        // two classes: a second start (1.5 s) costs more than the 0.5 s it moves
        List<FixtureBlocks.Block> whole = grouping.blocks(units("A1", "A2"), 2);
        assertEquals(List.of("spring=A1,A2"), describe(whole));
    }

    @Test
    void leavesClassesWithoutAFixtureAsBlocksOfOneLongestFirst() {
        FixtureBlocks grouping = new FixtureBlocks(unit -> unit.id() * 100L, unit -> "", key -> 0,
                FixtureBlocks.STARTS_ON_SHARED_CORES);
        List<FixtureBlocks.Block> blocks = grouping.blocks(units("P1", "P2", "P3"), 2);
        assertEquals(List.of("=P3", "=P2", "=P1"), describe(blocks));
        assertTrue(blocks.stream().allMatch(block -> block.startsMillis() == 0));
    }

    @Test
    void namesTheFrameworkOfAFixtureKey() {
        assertEquals(Map.of("spring:3f2a", "spring", "quarkus", "quarkus"),
                Map.of("spring:3f2a", FixtureBlocks.framework("spring:3f2a"), "quarkus", FixtureBlocks.framework("quarkus")));
    }
}
