package io.distest.maven.schedule;

import io.distest.maven.schedule.DurationHistory.Measurement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What starting each shared fixture, and warming up each fixture's framework, cost in one run, merged with what the
 * history knew. A fixture's start: its classes that started it (the first of the fixture in their JVM, the framework
 * already warm there) against those that found it up, or else the history's time of those classes. A framework's
 * warm-up: the classes that came first in their JVM, less their own time and their fixture's start. Where a run
 * cannot tell the two apart, the framework gets the rest: an over-estimate that keeps the framework's classes on
 * fewer workers until a run measures better.
 */
final class FixtureStarts {
    private FixtureStarts() {}

    /** The starts this run measured, by fixture and by framework; what it did not start is not in it. */
    static SortedMap<String, Long> measured(Collection<Measurement> measured, DurationHistory history) {
        Map<String, List<Measurement>> byFixture = new TreeMap<>();
        measured.stream().filter(m -> !m.fixture().isEmpty())
                .forEach(m -> byFixture.computeIfAbsent(m.fixture(), f -> new ArrayList<>()).add(m));
        SortedMap<String, Long> starts = new TreeMap<>();
        Map<String, Long> warm = new TreeMap<>();
        byFixture.forEach((fixture, measurements) -> {
            warm.put(fixture, warmMillis(fixture, measurements, history));
            List<Long> started = measurements.stream().filter(m -> m.fixtureStarted() && !m.frameworkStarted())
                    .map(m -> m.millis() - warm.get(fixture)).toList();
            if (!started.isEmpty()) {
                starts.put(fixture, merged(history.fixtureStartMillis(fixture), mean(started)));
            }
        });
        Map<String, List<Long>> warmUps = new TreeMap<>();
        byFixture.forEach((fixture, measurements) -> measurements.stream().filter(Measurement::frameworkStarted)
                .forEach(m -> warmUps.computeIfAbsent(FixtureBlocks.framework(fixture), f -> new ArrayList<>())
                        .add(m.millis() - warm.get(fixture) - starts.getOrDefault(fixture,
                                history.fixtureStartMillis(fixture)))));
        warmUps.forEach((framework, samples) ->
                starts.put(framework, merged(history.fixtureStartMillis(framework), mean(samples))));
        return starts;
    }

    /** The class's time with its fixture up and its framework warm: its measured time less the starts it paid. */
    static long withFixtureUp(Measurement measurement, Map<String, Long> starts) {
        long millis = measurement.millis();
        if (measurement.fixtureStarted()) {
            millis -= starts.getOrDefault(measurement.fixture(), 0L);
        }
        if (measurement.frameworkStarted()) {
            millis -= starts.getOrDefault(FixtureBlocks.framework(measurement.fixture()), 0L);
        }
        return Math.max(0, millis);
    }

    /** The fixture's classes that found it up in this run; else the history's time of its classes; else 0. */
    private static long warmMillis(String fixture, List<Measurement> measurements, DurationHistory history) {
        List<Long> warm = measurements.stream().filter(m -> !m.fixtureStarted()).map(Measurement::millis).toList();
        if (!warm.isEmpty()) {
            return mean(warm);
        }
        List<Long> known = new ArrayList<>();
        for (Measurement measurement : measurements) {
            DurationHistory.ClassDurations durations = history.durations(measurement.className());
            if (durations == null || !durations.fixture().equals(fixture)) {
                return 0;
            }
            known.add(durations.millis());
        }
        return mean(known);
    }

    private static long merged(long before, long sample) {
        long now = Math.max(0, sample);
        return before > 0 ? DurationHistory.mean(before, now) : now;
    }

    private static long mean(List<Long> values) {
        return values.isEmpty() ? 0 : Math.round(values.stream().mapToLong(Long::longValue).average().orElse(0));
    }
}
