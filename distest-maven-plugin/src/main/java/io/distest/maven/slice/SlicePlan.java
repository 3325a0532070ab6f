package io.distest.maven.slice;

import io.distest.shared.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which slice runs each selected class: what every job of a pipeline computes alike from the same inputs.
 *
 * @param count how many slices
 * @param historyHash the hash of the durations history it was computed from ({@link SlicePlanner#NO_HISTORY}: none)
 * @param sliceOf by class name, its slice (1 to {@code count})
 * @param expectedMillis by class name, what the history expects of it (an estimate for a class it does not know)
 */
public record SlicePlan(int count, String historyHash, SortedMap<String, Integer> sliceOf,
        SortedMap<String, Long> expectedMillis) {
    public SlicePlan {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, got " + count);
        }
        sliceOf = new TreeMap<>(sliceOf);
        expectedMillis = new TreeMap<>(expectedMillis);
        for (Map.Entry<String, Integer> entry : sliceOf.entrySet()) {
            if (entry.getValue() < 1 || entry.getValue() > count) {
                throw new IllegalArgumentException("class " + entry.getKey() + " is in slice " + entry.getValue()
                        + " of " + count);
            }
        }
    }

    /** The classes of slice {@code index}, by name. */
    public List<String> classesOf(int index) {
        return sliceOf.entrySet().stream().filter(e -> e.getValue() == index).map(Map.Entry::getKey).toList();
    }

    /** The expected test time of slice {@code index}: its classes' estimates added up. */
    public long expectedMillisOf(int index) {
        return classesOf(index).stream().mapToLong(name -> expectedMillis.getOrDefault(name, 0L)).sum();
    }

    /** A hash of everything that decides the plan's outcome (slices, history, each class's slice). */
    public String hash() {
        StringBuilder text = new StringBuilder().append(count).append('\n').append(historyHash).append('\n');
        sliceOf.forEach((name, slice) -> text.append(name).append('\t').append(slice).append('\n'));
        return Sha256.hex(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * What differs between two jobs' plans, one line per cause: slice count, history, and each class placed
     * differently or known to only one of them; empty when they agree.
     */
    public List<String> differences(SlicePlan other) {
        List<String> differences = new ArrayList<>();
        if (count != other.count) {
            differences.add(count + " slices against " + other.count);
        }
        if (!historyHash.equals(other.historyHash)) {
            differences.add("durations history " + SlicePlanner.shortHash(historyHash) + " against "
                    + SlicePlanner.shortHash(other.historyHash));
        }
        for (String name : new TreeSet<>(union(sliceOf.keySet(), other.sliceOf.keySet()))) {
            Integer mine = sliceOf.get(name);
            Integer theirs = other.sliceOf.get(name);
            if (mine == null || !mine.equals(theirs)) {
                differences.add(name + ": " + where(mine) + " against " + where(theirs));
            }
        }
        return differences;
    }

    private static TreeSet<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        TreeSet<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    private static String where(Integer slice) {
        return slice == null ? "not selected" : "slice " + slice;
    }
}
