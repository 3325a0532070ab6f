package io.distest.maven.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distest.maven.schedule.DurationHistory.Measurement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The durations history's shared fixtures: what a class takes with its fixture up, what starting it costs. */
class FixtureHistoryTest {
    private static Measurement measured(String className, long millis, boolean fixtureStarted, boolean frameworkStarted) {
        return new Measurement(className, millis, Map.of(), true, "spring:aaaa", fixtureStarted, frameworkStarted);
    }

    @Test
    void writesAClassesFixtureAndTheFixturesStartAndReadsThemBack() {
        DurationHistory history = DurationHistory.parse(List.of(
                "a.ATest\t\t400\tspring:aaaa", "a.Plain\t\t300", "spring:aaaa\t(fixture start)\t1500",
                "spring\t(fixture start)\t2500"));
        assertEquals("spring:aaaa", history.fixture("a.ATest"));
        assertEquals("", history.fixture("a.Plain"));
        assertEquals(1500, history.fixtureStartMillis("spring:aaaa"));
        assertEquals(2500, history.fixtureStartMillis("spring"));
        assertEquals(history.format(), DurationHistory.parse(history.format().lines().toList()).format());
        assertTrue(history.format().contains("a.ATest\t\t400\tspring:aaaa\n"), history.format());
    }

    @Test
    void aReaderOfTheFirstFormatReadsTheClassLinesAndSkipsTheStarts() {
        // v1 read three fields and skipped lines whose third was not a number: what it sees of a v2 file
        DurationHistory history = DurationHistory.parse(List.of("a.ATest\t\t400\tspring:aaaa",
                "spring:aaaa\t(fixture start)\t1500"));
        assertEquals(400, history.classMillis("a.ATest").orElseThrow());
        assertEquals(1, history.size(), "a start line is not a class");
    }

    @Test
    void learnsAFixturesStartFromTheClassThatStartedItAgainstThoseThatFoundItUp() {
        // one JVM: A1 first (warms spring up and starts the context), A2 and A3 found it up; a second JVM's first
        // class of another context of the same framework... is not here: the warm-up takes the rest
        DurationHistory merged = DurationHistory.empty().merge(List.of(
                measured("a.A1", 4400, true, true), measured("a.A2", 400, false, false),
                measured("a.A3", 400, false, false)), c -> true);
        assertEquals(0, merged.fixtureStartMillis("spring:aaaa"), "no class started the context on a warm framework");
        assertEquals(4000, merged.fixtureStartMillis("spring"));
        assertEquals(400, merged.classMillis("a.A1").orElseThrow(), "its time with the fixture up");
    }

    @Test
    void tellsAContextsStartFromTheFrameworksWarmUpWhenAJvmStartedItWithSpringWarm() {
        DurationHistory merged = DurationHistory.empty().merge(List.of(
                new Measurement("a.B1", 4000, Map.of(), true, "spring:bbbb", true, true), // first in its JVM
                measured("a.A1", 1900, true, false), // second context in that JVM
                measured("a.A2", 400, false, false)), c -> true);
        assertEquals(1500, merged.fixtureStartMillis("spring:aaaa"));
        assertEquals(400, merged.classMillis("a.A1").orElseThrow());
        assertEquals(1500, merged.fixtureStartMillis("spring:bbbb"), "B1 has no class to compare with: as A's start");
        assertEquals(2500, merged.fixtureStartMillis("spring"), "the rest of B1's time is the warm-up");
        assertEquals(0, merged.classMillis("a.B1").orElseThrow());
    }

    @Test
    void averagesAStartWithWhatTheHistoryKnewAndForgetsStartsOfFixturesNoClassUses() {
        DurationHistory before = DurationHistory.parse(List.of("a.A1\t\t400\tspring:aaaa", "a.Gone\t\t400\tspring:gone",
                "spring:aaaa\t(fixture start)\t1000", "spring:gone\t(fixture start)\t9000", "spring\t(fixture start)\t1000"));
        DurationHistory merged = before.merge(List.of(measured("a.A1", 2400, true, false),
                measured("a.A2", 400, false, false)), name -> !name.equals("a.Gone"));
        assertEquals(1500, merged.fixtureStartMillis("spring:aaaa"), "mean of 1000 and 2000");
        assertEquals(0, merged.fixtureStartMillis("spring:gone"));
        assertEquals(1000, merged.fixtureStartMillis("spring"), "not warmed up in this run: kept");
    }

    @Test
    void keepsTheProcessorTimeOfAStartBesideItsWallTime() {
        DurationHistory history = DurationHistory.parse(List.of("a.ATest\t\t400\tspring:aaaa",
                "spring:aaaa\t(fixture start)\t1500\t300", "spring\t(fixture start)\t2500"));
        assertEquals(300, history.fixtureStart("spring:aaaa").cpuMillis());
        assertEquals(-1, history.fixtureStart("spring").cpuMillis(), "not measured");
        assertEquals(0.2, history.fixtureStart("spring:aaaa").cores(9), 1e-9);
        assertEquals(9, history.fixtureStart("spring").cores(9), "unknown: what the caller assumes");
        assertEquals(history.format(), DurationHistory.parse(history.format().lines().toList()).format());
        assertTrue(history.format().contains("spring:aaaa\t(fixture start)\t1500\t300\n"), history.format());
        assertTrue(history.format().contains("spring\t(fixture start)\t2500\n"), history.format());
    }

    @Test
    void learnsAWarmUpsProcessorTimeAsItLearnsItsWallTime() {
        // A1 warmed Spring up and started the context: 4.4 s wall, 6 s of processor time; A2 and A3 found it up
        DurationHistory merged = DurationHistory.empty().merge(List.of(
                new Measurement("a.A1", 4400, Map.of(), true, "spring:aaaa", true, true, 6000),
                new Measurement("a.A2", 400, Map.of(), true, "spring:aaaa", false, false, 100),
                new Measurement("a.A3", 400, Map.of(), true, "spring:aaaa", false, false, 100)), c -> true);
        assertEquals(4000, merged.fixtureStart("spring").millis());
        assertEquals(5900, merged.fixtureStart("spring").cpuMillis());
    }

    @Test
    void aRunThatCouldNotMeasureProcessorTimeKeepsWhatTheHistoryKnew() {
        DurationHistory before = DurationHistory.parse(List.of("a.A1\t\t400\tspring:aaaa",
                "spring\t(fixture start)\t4000\t5000"));
        DurationHistory merged = before.merge(List.of(measured("a.A1", 4400, true, true),
                measured("a.A2", 400, false, false)), c -> true);
        assertEquals(5000, merged.fixtureStart("spring").cpuMillis());
    }

    @Test
    void aContextOnlyEverStartedFirstInItsJvmStartsAsItsFrameworksOtherContextsDo() {
        // two workers, one context each: A1 and B1 each warmed Spring up and started their context; B's start is known
        DurationHistory before = DurationHistory.parse(List.of("a.B1\t\t400\tspring:bbbb",
                "spring:bbbb\t(fixture start)\t1000\t200", "spring\t(fixture start)\t3000\t3600"));
        DurationHistory merged = before.merge(List.of(
                new Measurement("a.A1", 4400, Map.of(), true, "spring:aaaa", true, true, 4200),
                new Measurement("a.A2", 400, Map.of(), true, "spring:aaaa", false, false, 400),
                new Measurement("a.B1", 4400, Map.of(), true, "spring:bbbb", true, true, 4200)), c -> true);
        assertEquals(1000, merged.fixtureStart("spring:aaaa").millis(), "as B's, not free");
        assertEquals(200, merged.fixtureStart("spring:aaaa").cpuMillis());
        assertEquals(3000, merged.fixtureStart("spring").millis(), "A1 and B1 both measured 3 s of warm-up");
    }
}
