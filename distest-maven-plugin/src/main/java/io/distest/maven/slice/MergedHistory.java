package io.distest.maven.slice;

import io.distest.maven.schedule.DurationHistory;
import io.distest.maven.schedule.DurationHistory.ClassDurations;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One durations history out of a pipeline's slices, for the next pipeline: each planned class as the slice that ran
 * it measured it; a class no slice ran (not selected) kept as the history the jobs restored knew it; a class every
 * slice dropped (its class file gone) stays dropped. Several executions' (Surefire's and Failsafe's) merge into one
 * with {@link #combine}.
 */
public final class MergedHistory {
    private MergedHistory() {}

    /**
     * One history out of several executions' merged ones: each execution's planned classes as it merged them; another
     * class as the first that kept it; a class none kept is dropped.
     *
     * @param merged by execution, its plan and the history {@link #of} merged for it
     */
    public static DurationHistory combine(List<Map.Entry<SlicePlan, DurationHistory>> merged) {
        Map<String, ClassDurations> classes = new TreeMap<>();
        SortedMap<String, DurationHistory.FixtureStart> starts = new TreeMap<>();
        for (Map.Entry<SlicePlan, DurationHistory> execution : merged) {
            execution.getValue().classes().forEach(classes::putIfAbsent);
            starts.putAll(execution.getValue().fixtureStarts());
        }
        for (Map.Entry<SlicePlan, DurationHistory> execution : merged) {
            execution.getKey().sliceOf().keySet().forEach(name -> {
                ClassDurations durations = execution.getValue().durations(name);
                if (durations != null) {
                    classes.put(name, durations);
                }
            });
        }
        return DurationHistory.of(classes, starts);
    }

    /**
     * @param base the module's history file as the merge job restored it (as the slices did), or empty
     * @param plan the plan the slices agreed on
     * @param slices by slice index, the history that slice's job left ({@code durations-*.tsv}); a slice whose file is
     *     missing (history off, or the job lost) is not in it, and its classes keep what {@code base} knew
     */
    public static DurationHistory of(DurationHistory base, SlicePlan plan, SortedMap<Integer, DurationHistory> slices) {
        Map<String, ClassDurations> classes = new TreeMap<>();
        SortedMap<String, DurationHistory.FixtureStart> starts = new TreeMap<>(base.fixtureStarts());
        if (slices.isEmpty()) {
            classes.putAll(base.classes());
        }
        for (DurationHistory slice : slices.values()) {
            slice.classes().forEach((name, durations) -> {
                if (!plan.sliceOf().containsKey(name)) {
                    ClassDurations known = base.durations(name);
                    classes.putIfAbsent(name, known != null ? known : durations);
                }
            });
        }
        plan.sliceOf().forEach((name, index) -> {
            DurationHistory owner = slices.get(index);
            ClassDurations measured = owner == null ? null : owner.durations(name);
            if (measured == null) {
                measured = base.durations(name);
            }
            if (measured != null) {
                classes.put(name, measured);
            }
        });
        // a fixture's start as a slice that ran it measured it: what differs from what every slice started from
        slices.values().forEach(slice -> slice.fixtureStarts().forEach((key, start) -> {
            if (!start.equals(base.fixtureStarts().get(key))) {
                starts.put(key, start);
            }
        }));
        return DurationHistory.of(classes, starts);
    }
}
