package io.distest.maven.slice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distest.maven.schedule.DurationHistory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SlicePlannerTest {

    private static DurationHistory history(String... lines) {
        return DurationHistory.parse(List.of(lines));
    }

    private static long slowest(SlicePlan plan) {
        return IntStream.rangeClosed(1, plan.count()).mapToLong(plan::expectedMillisOf).max().orElse(0);
    }

    @Test
    void everyClassIsInExactlyOneSlice() {
        List<String> classes = IntStream.range(0, 50).mapToObj(i -> "c.T" + i).toList();
        SlicePlan plan = SlicePlanner.plan(classes, DurationHistory.empty(), 4);
        List<String> all = new ArrayList<>();
        for (int k = 1; k <= 4; k++) {
            all.addAll(plan.classesOf(k));
        }
        assertEquals(50, all.size());
        assertEquals(new HashSet<>(classes), new HashSet<>(all));
    }

    @Test
    void theSameInputsGiveTheSamePlanWhateverTheirOrder() {
        List<String> lines = new ArrayList<>();
        List<String> classes = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            classes.add("c.T" + i);
            lines.add("c.T" + i + "\t\t" + (random.nextInt(50) * 100)); // many ties: broken by name
        }
        SlicePlan first = SlicePlanner.plan(classes, history(lines.toArray(String[]::new)), 5);
        Collections.shuffle(classes, new Random(1));
        Collections.shuffle(lines, new Random(2));
        SlicePlan second = SlicePlanner.plan(classes, history(lines.toArray(String[]::new)), 5);
        assertEquals(first, second);
        assertEquals(first.hash(), second.hash());
    }

    @Test
    void withoutHistoryClassesAreDealtInNameOrder() {
        SlicePlan plan = SlicePlanner.plan(List.of("E", "B", "A", "D", "C"), DurationHistory.empty(), 2);
        assertEquals(List.of("A", "C", "E"), plan.classesOf(1));
        assertEquals(List.of("B", "D"), plan.classesOf(2));
        assertEquals(SlicePlanner.NO_HISTORY, plan.historyHash());
    }

    @Test
    void putsTheLongestClassesFirstOntoTheLeastLoadedSlice() {
        SlicePlan plan = SlicePlanner.plan(List.of("A", "B", "C", "D"),
                history("A\t\t7000", "B\t\t5000", "C\t\t4000", "D\t\t3000"), 2);
        assertEquals(10_000, plan.expectedMillisOf(1));
        assertEquals(9_000, plan.expectedMillisOf(2));
    }

    @Test
    void swapsWhatLongestFirstLeavesUneven() {
        // longest first leaves {A8, D3, E3} = 14 against {B7, C4} = 11; swapping A and B gives 13 against 12
        SlicePlan plan = SlicePlanner.plan(List.of("A", "B", "C", "D", "E"),
                history("A\t\t8000", "B\t\t7000", "C\t\t4000", "D\t\t3000", "E\t\t3000"), 2);
        assertEquals(13_000, slowest(plan));
    }

    @Test
    void theSlowestSliceStaysWithinFifteenPercentOfTheIdealOnSkewedSuites() {
        Random random = new Random(23);
        for (int suite = 0; suite < 30; suite++) {
            int count = 2 + random.nextInt(7);
            List<String> lines = new ArrayList<>();
            List<String> classes = new ArrayList<>();
            long total = 0;
            long longest = 0;
            for (int i = 0; i < 20 + random.nextInt(300); i++) {
                // a long tail: most classes short, a few long
                long millis = (long) (50 + Math.pow(random.nextDouble(), 4) * 60_000);
                classes.add("p.C" + i);
                lines.add("p.C" + i + "\t\t" + millis);
                total += millis;
                longest = Math.max(longest, millis);
            }
            SlicePlan plan = SlicePlanner.plan(classes, history(lines.toArray(String[]::new)), count);
            double ideal = Math.max((double) total / count, longest);
            assertTrue(slowest(plan) <= 1.15 * ideal,
                    "suite " + suite + ": slowest " + slowest(plan) + " against ideal " + ideal + " in " + count);
        }
    }

    @Test
    void aClassUnknownToTheHistoryCountsAsTheMedianKnownClass() {
        SlicePlan plan = SlicePlanner.plan(List.of("A", "B", "C", "New"),
                history("A\t\t100", "B\t\t300", "C\t\t9000"), 2);
        assertEquals(300, plan.expectedMillis().get("New"));
        assertEquals(1, SlicePlanner.unknownClasses(List.of("A", "New"), history("A\t\t1")));
    }

    @Test
    void moreSlicesThanClassesLeavesSomeSlicesEmpty() {
        SlicePlan plan = SlicePlanner.plan(List.of("A", "B"), DurationHistory.empty(), 4);
        assertEquals(List.of("A"), plan.classesOf(1));
        assertEquals(List.of("B"), plan.classesOf(2));
        assertEquals(List.of(), plan.classesOf(3));
        assertEquals(List.of(), plan.classesOf(4));
    }

    @Test
    void classesSharingASpringContextStayInOneSlice() {
        // the framework's warm-up (20 s) costs more than keeping the context's classes together loses
        SlicePlan plan = SlicePlanner.plan(List.of("S1", "S2", "S3", "P1", "P2", "P3"), history(
                "S1\t\t2000\tspring:a", "S2\t\t2000\tspring:a", "S3\t\t2000\tspring:a",
                "spring:a\t(fixture start)\t3000", "spring\t(fixture start)\t20000",
                "P1\t\t9000", "P2\t\t9000", "P3\t\t9000"), 2);
        Set<Integer> springSlices = new HashSet<>(List.of(plan.sliceOf().get("S1"), plan.sliceOf().get("S2"),
                plan.sliceOf().get("S3")));
        assertEquals(1, springSlices.size(), plan.sliceOf().toString());
        // the block's starts are carried by its classes' expectations
        assertEquals(6_000 + 3_000 + 20_000, plan.classesOf(springSlices.iterator().next()).stream()
                .filter(name -> name.startsWith("S")).mapToLong(plan.expectedMillis()::get).sum());
    }

    @Test
    void theHistoryHashIgnoresLineOrderAndCommentsButNotDurations() {
        String a = SlicePlanner.historyHash(history("A\t\t100", "B\t\t200"));
        assertEquals(a, SlicePlanner.historyHash(history("# a comment", "B\t\t200", "A\t\t100")));
        assertNotEquals(a, SlicePlanner.historyHash(history("A\t\t100", "B\t\t201")));
    }

    @Test
    void plansThatDifferNameTheClassesAndTheHistory() {
        SlicePlan one = SlicePlanner.plan(List.of("A", "B", "C"), history("A\t\t100", "B\t\t900", "C\t\t400"), 2);
        SlicePlan other = SlicePlanner.plan(List.of("A", "B", "C"), history("A\t\t900", "B\t\t100", "C\t\t400"), 2);
        List<String> differences = one.differences(other);
        assertTrue(differences.get(0).startsWith("durations history "), differences.toString());
        assertTrue(differences.contains("A: slice 2 against slice 1"), differences.toString());
        assertEquals(List.of(), one.differences(SlicePlanner.plan(List.of("C", "B", "A"),
                history("C\t\t400", "A\t\t100", "B\t\t900"), 2)));
    }
}
