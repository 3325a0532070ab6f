package io.distest.maven.schedule;

import io.distest.maven.schedule.DurationHistory.FixtureStart;
import io.distest.maven.schedule.DurationHistory.Measurement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/**
 * What starting each shared fixture, and warming up each fixture's framework, cost in one run, merged with what the
 * history knew. A fixture's start: its classes that started it (the first of the fixture in their JVM, the framework
 * already warm there) against those that found it up, or else the history's time of those classes. A framework's
 * warm-up: the classes that came first in their JVM, less their own time and their fixture's start. Where a run
 * cannot tell the two apart, the framework gets the rest: an over-estimate that keeps the framework's classes on
 * fewer workers until a run measures better. A fixture that was only ever started first in its JVM (each context
 * on a worker of its own) is taken to start as its framework's other fixtures do, not for free. Wall time and
 * processor time are told apart the same way.
 */
final class FixtureStarts {
    private FixtureStarts() {}

    /** How one cost is read: from a measurement, from the history's start, from the history's class (fixture up). */
    private record Metric(ToLongFunction<Measurement> measured, ToLongFunction<FixtureStart> known,
            ToLongFunction<DurationHistory.ClassDurations> knownClass) {}

    private static final Metric WALL = new Metric(Measurement::millis, FixtureStart::millis,
            DurationHistory.ClassDurations::millis);
    /** The history keeps no class's processor time: a start's is then all its classes' (an over-estimate). */
    private static final Metric CPU = new Metric(Measurement::cpuMillis, FixtureStart::cpuMillis, durations -> 0);

    /** The starts this run measured, by fixture and by framework; what it did not start is not in it. */
    static SortedMap<String, FixtureStart> measured(Collection<Measurement> measured, DurationHistory history) {
        SortedMap<String, Long> wall = starts(measured, history, WALL);
        SortedMap<String, Long> cpu = starts(measured.stream().filter(m -> m.cpuMillis() >= 0).toList(), history, CPU);
        SortedMap<String, FixtureStart> starts = new TreeMap<>();
        wall.forEach((key, millis) -> starts.put(key,
                new FixtureStart(millis, cpu.getOrDefault(key, history.fixtureStart(key).cpuMillis()))));
        return starts;
    }

    /** The class's time with its fixture up and its framework warm: its measured time less the starts it paid. */
    static long withFixtureUp(Measurement measurement, Map<String, FixtureStart> starts) {
        long millis = measurement.millis();
        if (measurement.fixtureStarted()) {
            millis -= startMillis(starts, measurement.fixture());
        }
        if (measurement.frameworkStarted()) {
            millis -= startMillis(starts, FixtureBlocks.framework(measurement.fixture()));
        }
        return Math.max(0, millis);
    }

    private static long startMillis(Map<String, FixtureStart> starts, String key) {
        FixtureStart start = starts.get(key);
        return start == null ? 0 : start.millis();
    }

    private static SortedMap<String, Long> starts(Collection<Measurement> measured, DurationHistory history,
            Metric metric) {
        Map<String, List<Measurement>> byFixture = new TreeMap<>();
        measured.stream().filter(m -> !m.fixture().isEmpty())
                .forEach(m -> byFixture.computeIfAbsent(m.fixture(), f -> new ArrayList<>()).add(m));
        SortedMap<String, Long> starts = new TreeMap<>();
        Map<String, Long> warm = new TreeMap<>();
        byFixture.forEach((fixture, measurements) -> {
            warm.put(fixture, warm(fixture, measurements, history, metric));
            List<Long> started = measurements.stream().filter(m -> m.fixtureStarted() && !m.frameworkStarted())
                    .map(m -> metric.measured().applyAsLong(m) - warm.get(fixture)).toList();
            if (!started.isEmpty()) {
                starts.put(fixture, merged(known(history, fixture, metric), mean(started)));
            }
        });
        byFixture.keySet().forEach(fixture -> {
            if (!starts.containsKey(fixture) && !history.fixtureStarts().containsKey(fixture)) {
                List<Long> siblings = siblingStarts(fixture, starts, history, metric);
                if (!siblings.isEmpty()) {
                    starts.put(fixture, mean(siblings));
                }
            }
        });
        Map<String, List<Long>> warmUps = new TreeMap<>();
        byFixture.forEach((fixture, measurements) -> measurements.stream().filter(Measurement::frameworkStarted)
                .forEach(m -> warmUps.computeIfAbsent(FixtureBlocks.framework(fixture), f -> new ArrayList<>())
                        .add(metric.measured().applyAsLong(m) - warm.get(fixture)
                                - starts.getOrDefault(fixture, Math.max(0, known(history, fixture, metric))))));
        warmUps.forEach((framework, samples) ->
                starts.put(framework, merged(known(history, framework, metric), mean(samples))));
        return starts;
    }

    /** The known starts of the fixture's framework's other fixtures, this run's where it measured them. */
    private static List<Long> siblingStarts(String fixture, Map<String, Long> starts, DurationHistory history,
            Metric metric) {
        String framework = FixtureBlocks.framework(fixture);
        Map<String, Long> known = new TreeMap<>();
        history.fixtureStarts().forEach((key, start) -> known.put(key, metric.known().applyAsLong(start)));
        known.putAll(starts);
        return known.entrySet().stream().filter(entry -> !entry.getKey().equals(framework)
                        && FixtureBlocks.framework(entry.getKey()).equals(framework) && entry.getValue() >= 0)
                .map(Map.Entry::getValue).toList();
    }

    private static long known(DurationHistory history, String key, Metric metric) {
        return metric.known().applyAsLong(history.fixtureStart(key));
    }

    /** The fixture's classes that found it up in this run; else the history's time of its classes; else 0. */
    private static long warm(String fixture, List<Measurement> measurements, DurationHistory history, Metric metric) {
        List<Long> warm = measurements.stream().filter(m -> !m.fixtureStarted()).map(metric.measured()::applyAsLong)
                .toList();
        if (!warm.isEmpty()) {
            return mean(warm);
        }
        List<Long> known = new ArrayList<>();
        for (Measurement measurement : measurements) {
            DurationHistory.ClassDurations durations = history.durations(measurement.className());
            if (durations == null || !durations.fixture().equals(fixture)) {
                return 0;
            }
            known.add(metric.knownClass().applyAsLong(durations));
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
