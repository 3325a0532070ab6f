package io.distest.maven.slice;

import io.distest.maven.schedule.DurationHistory;
import io.distest.maven.schedule.TestUnit;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * This job's share of a module's selected units: the units of its slice (every unit of a class goes where the
 * class goes) under the plan of all of them, and the line the build log shows for it.
 *
 * @param slice this job's slice
 * @param plan the plan of the module's whole selection
 * @param units the selected units of this slice, in their selection order
 * @param logLine {@code slice 2/4: 81 of 315 classes, expected 52 s (slices 51–54 s), history 3f2a…(2026-12-05), plan 9c1e…}
 */
public record SliceShare(Slice slice, SlicePlan plan, List<TestUnit> units, String logLine) {
    public SliceShare {
        units = List.copyOf(units);
    }

    /**
     * @param selected the module's selected units (all slices)
     * @param historyDate when the history file was last written, shown to tell histories apart; empty: unknown
     */
    public static SliceShare of(Slice slice, List<TestUnit> selected, DurationHistory history,
            Optional<LocalDate> historyDate) {
        List<String> classes = selected.stream().map(TestUnit::className).distinct().toList();
        SlicePlan plan = SlicePlanner.plan(classes, history, slice.count());
        Set<String> mine = new HashSet<>(plan.classesOf(slice.index()));
        List<TestUnit> units = selected.stream().filter(unit -> mine.contains(unit.className())).toList();
        return new SliceShare(slice, plan, units, logLine(slice, plan, classes, history, historyDate));
    }

    private static String logLine(Slice slice, SlicePlan plan, List<String> classes, DurationHistory history,
            Optional<LocalDate> historyDate) {
        int mine = plan.classesOf(slice.index()).size();
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "slice %s: %d of %d classes", slice, mine,
                plan.sliceOf().size()));
        if (mine == 0) {
            line.append(" (more slices than classes): nothing to run in this slice");
        }
        long[] slices = IntStream.rangeClosed(1, slice.count()).mapToLong(plan::expectedMillisOf).toArray();
        long least = java.util.Arrays.stream(slices).min().orElse(0);
        long most = java.util.Arrays.stream(slices).max().orElse(0);
        if (history.isEmpty()) {
            line.append(", no durations history: classes dealt in name order");
        } else {
            line.append(", expected ").append(seconds(plan.expectedMillisOf(slice.index())))
                    .append(" (slices ").append(number(least)).append('–').append(seconds(most)).append(')');
            int unknown = SlicePlanner.unknownClasses(classes, history);
            if (unknown > 0) {
                line.append(String.format(Locale.ROOT, ", %d new to the history counted as its median class",
                        unknown));
            }
        }
        line.append(", history ").append(SlicePlanner.shortHash(plan.historyHash()))
                .append(historyDate.map(date -> "(" + date + ")").orElse(""))
                .append(", plan ").append(SlicePlanner.shortHash(plan.hash()));
        return line.toString();
    }

    /** {@code 52 s}, or {@code 4.2 s} below ten seconds. */
    static String seconds(long millis) {
        return number(millis) + " s";
    }

    private static String number(long millis) {
        return millis < 10_000 ? String.format(Locale.ROOT, "%.1f", millis / 1000.0)
                : String.valueOf(Math.round(millis / 1000.0));
    }
}
