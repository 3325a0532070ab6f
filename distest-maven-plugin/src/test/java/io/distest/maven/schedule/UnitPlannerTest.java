package io.distest.maven.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distest.maven.schedule.UnitPlanner.Plan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class UnitPlannerTest {
    private static final Function<String, Optional<String>> SAFE = c -> Optional.empty();

    private static List<TestUnit> units(String... classes) {
        List<TestUnit> units = new ArrayList<>();
        for (String c : classes) {
            units.add(TestUnit.wholeClass(units.size(), c));
        }
        return units;
    }

    private static DurationHistory history(String... lines) {
        return DurationHistory.parse(List.of(lines));
    }

    private static List<String> order(Plan plan) {
        return plan.units().stream().map(plan::label).toList();
    }

    @Test
    void keepsTheSelectionAsItIsWithoutHistory() {
        List<TestUnit> units = units("A", "B", "C");
        Plan plan = new UnitPlanner(DurationHistory.empty(), 2, true, SAFE).plan(units);
        assertEquals(units, plan.units());
        assertEquals(0, plan.expectedMillis(units.get(0)));
    }

    @Test
    void handsOutTheLongestExpectedFirst() {
        Plan plan = new UnitPlanner(history("A\t\t100", "B\t\t900", "C\t\t400"), 4, true, SAFE)
                .plan(units("A", "B", "C"));
        assertEquals(List.of("B", "C", "A"), order(plan));
        assertEquals(3, plan.knownClasses());
    }

    @Test
    void expectsAnUnknownClassToTakeTheMeanOfTheKnownOnes() {
        Plan plan = new UnitPlanner(history("A\t\t100", "B\t\t900"), 4, true, SAFE).plan(units("A", "B", "New"));
        assertEquals(List.of("B", "New", "A"), order(plan));
        assertEquals(500, plan.expectedMillis(plan.units().get(1)));
    }

    @Test
    void splitsAClassLongerThanItsFairShareByMethodAcrossWorkers() {
        DurationHistory history = history("Big\t\t6100", "Big\ta\t3000", "Big\tb\t2000", "Big\tc(int)[1]\t500",
                "Big\tc(int)[2]\t500", "Small\t\t900");
        Plan plan = new UnitPlanner(history, 2, true, SAFE).plan(units("Big", "Small"));

        List<TestUnit> parts = plan.units().stream().filter(u -> u.className().equals("Big")).toList();
        assertEquals(2, parts.size());
        assertEquals(List.of("a"), parts.get(0).includeMethods(), "longest first: a alone, b and c together");
        assertEquals(List.of(), parts.get(1).includeMethods(), "the last part runs every method not named elsewhere");
        assertEquals(List.of("a"), parts.get(1).excludeMethods(), "so a method added since still runs");
        assertEquals(3100, plan.expectedMillis(parts.get(0)), "its methods plus the class's own set-up");
        assertEquals(3100, plan.expectedMillis(parts.get(1)));
        assertEquals(List.of("Big (part 1 of 2)", "Big (part 2 of 2)", "Small"), order(plan));
        assertEquals(3, plan.units().stream().map(TestUnit::id).distinct().count(), "every unit has its own id");
        assertTrue(plan.notes().get(0).startsWith("split Big (6.1 s expected"), plan.notes().toString());
        assertEquals(List.of("Big", "Small"), plan.wholeClasses());
    }

    @Test
    void cutsADominantClassIntoAtMostOnePartPerWorker() {
        List<String> lines = new ArrayList<>(List.of("Huge\t\t10000", "Tiny\t\t10"));
        for (int i = 0; i < 20; i++) {
            lines.add("Huge\tm" + i + "\t500");
        }
        Plan plan = new UnitPlanner(DurationHistory.parse(lines), 3, true, SAFE).plan(units("Huge", "Tiny"));
        assertEquals(3, plan.units().stream().filter(u -> u.className().equals("Huge")).count());
    }

    @Test
    void leavesAClassWholeWhenSplittingIsUnsafeAndSaysWhy() {
        DurationHistory history = history("Big\t\t6000", "Big\ta\t3000", "Big\tb\t3000", "Small\t\t200");
        Plan plan = new UnitPlanner(history, 2, true, c -> Optional.of("@TestMethodOrder orders its methods"))
                .plan(units("Small", "Big"));
        assertEquals(List.of("Big", "Small"), order(plan));
        assertEquals(List.of(), plan.units().get(0).includeMethods());
        assertEquals("not split: Big (6.0 s expected, its fair share is 3.1 s): @TestMethodOrder orders its methods",
                plan.notes().get(0));
    }

    @Test
    void splitsNothingWhenToldNever() {
        DurationHistory history = history("Big\t\t6000", "Big\ta\t3000", "Big\tb\t3000", "Small\t\t100");
        List<String> asked = new ArrayList<>();
        Plan plan = new UnitPlanner(history, 2, false, c -> {
            asked.add(c);
            return Optional.empty();
        }).plan(units("Big", "Small"));
        assertEquals(List.of("Big", "Small"), order(plan));
        assertTrue(plan.notes().get(0).endsWith("distest.splitClasses=never"), plan.notes().toString());
        assertEquals(List.of(), asked, "no class is inspected for nothing");
    }

    @Test
    void asksAboutSafetyOnlyForClassesWorthSplitting() {
        List<String> asked = new ArrayList<>();
        new UnitPlanner(history("A\t\t900", "A\tx\t450", "A\ty\t450", "B\t\t800", "C\t\t700"), 2, true, c -> {
            asked.add(c);
            return Optional.empty();
        }).plan(units("A", "B", "C"));
        assertEquals(List.of(), asked, "no class takes more than its fair share (1.2 s)");
    }

    @Test
    void neverSplitsAUnitAlreadyNarrowedToSomeMethods() {
        DurationHistory history = history("Big\t\t6000", "Big\ta\t3000", "Big\tb\t3000", "Small\t\t100");
        List<TestUnit> selected = List.of(new TestUnit(0, "Big", List.of("a"), List.of()), TestUnit.wholeClass(1, "Small"));
        Plan plan = new UnitPlanner(history, 2, true, SAFE).plan(selected);
        assertEquals(selected, plan.units());
        assertEquals(List.of("Small"), plan.wholeClasses(), "Big ran in part: its method list is not whole");
    }

    @Test
    void neverSplitsAClassShorterThanASecond() {
        DurationHistory history = history("Big\t\t900", "Big\ta\t450", "Big\tb\t450", "Small\t\t10");
        assertEquals(2, new UnitPlanner(history, 2, true, SAFE).plan(units("Big", "Small")).units().size());
    }

    @Test
    void namesTheJavaMethodOfAReportName() {
        assertEquals("m", UnitPlanner.javaMethodName("m(int)[2]"));
        assertEquals("test", UnitPlanner.javaMethodName("test[0]"));
        assertEquals("plain", UnitPlanner.javaMethodName("plain"));
    }
}
