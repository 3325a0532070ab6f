package io.distest.maven.slice;

import io.distest.maven.schedule.DurationHistory;
import io.distest.maven.schedule.FixtureBlocks;
import io.distest.maven.schedule.TestUnit;
import io.distest.shared.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Splits a module's selected test classes into slices, one per CI job, balanced by the durations history: the
 * classes' blocks (a class alone, or the classes sharing a Spring context, kept together as {@link FixtureBlocks}
 * keeps them for workers) go longest first to the slice with the least so far, then single moves and swaps between
 * the slowest slice and another shorten the slowest while they can. Every job must get the same answer: the input
 * is only the class names, the history and the slice count; every order is by expected time, then by name; no
 * core count, clock or file-system order takes part.
 *
 * <p>A class the history does not know is expected to take as long as the median class it knows; without a history
 * all classes count alike and are dealt in name order. A class is never split by method across slices: each
 * part would pay its set-up on another machine; within a slice its workers may still split it.
 */
public final class SlicePlanner {
    /** The history hash of a plan made without one. */
    public static final String NO_HISTORY = "none";
    /** What each class counts for when nothing is known: all alike. */
    static final long UNKNOWN_WITHOUT_HISTORY = 1_000;
    /** Blocks beyond which only single moves are tried (swaps grow with the square of the blocks). */
    private static final int MAX_BLOCKS_FOR_SWAPS = 3_000;

    private SlicePlanner() {}

    /** The hash a plan carries for {@code history}: its sorted, normalised text, so line endings do not count. */
    public static String historyHash(DurationHistory history) {
        return history.isEmpty() ? NO_HISTORY : Sha256.hex(history.format().getBytes(StandardCharsets.UTF_8));
    }

    /** The first hex digits of a hash, as logs show it. */
    public static String shortHash(String hash) {
        return hash.length() > 8 ? hash.substring(0, 8) + "…" : hash;
    }

    /** The plan of {@code classes} (duplicates and order do not matter) in {@code count} slices. */
    public static SlicePlan plan(Collection<String> classes, DurationHistory history, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, got " + count);
        }
        List<String> names = List.copyOf(new TreeSet<>(classes));
        SortedMap<String, Long> expected = estimates(names, history);
        List<TestUnit> units = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            units.add(TestUnit.wholeClass(i + 1, names.get(i)));
        }
        List<FixtureBlocks.Block> blocks = new ArrayList<>(new FixtureBlocks(unit -> expected.get(unit.className()),
                unit -> history.fixture(unit.className()), history::fixtureStartMillis,
                FixtureBlocks.STARTS_ON_SHARED_CORES).blocks(units, count));
        blocks.sort(Comparator.comparingLong(FixtureBlocks.Block::millis).reversed()
                .thenComparing(block -> block.units().get(0).className()));
        int[] sliceOfBlock = new int[blocks.size()];
        long[] load = new long[count];
        for (int b = 0; b < blocks.size(); b++) {
            int least = 0;
            for (int s = 1; s < count; s++) {
                if (load[s] < load[least]) {
                    least = s;
                }
            }
            sliceOfBlock[b] = least;
            load[least] += blocks.get(b).millis();
        }
        rebalance(blocks, sliceOfBlock, load);
        SortedMap<String, Integer> sliceOf = new TreeMap<>();
        SortedMap<String, Long> blockExpected = new TreeMap<>();
        for (int b = 0; b < blocks.size(); b++) {
            FixtureBlocks.Block block = blocks.get(b);
            // a block's starts (framework warm-up, context starts) are carried by its first class
            long starts = block.millis() - block.units().stream().mapToLong(u -> expected.get(u.className())).sum();
            for (int u = 0; u < block.units().size(); u++) {
                String name = block.units().get(u).className();
                sliceOf.put(name, sliceOfBlock[b] + 1);
                blockExpected.put(name, expected.get(name) + (u == 0 ? starts : 0));
            }
        }
        return new SlicePlan(count, historyHash(history), sliceOf, blockExpected);
    }

    /** Each class's expected time: the history's, else the median of the known classes. */
    static SortedMap<String, Long> estimates(List<String> names, DurationHistory history) {
        List<Long> known = new ArrayList<>();
        for (String name : names) {
            OptionalLong millis = history.classMillis(name);
            if (millis.isPresent()) {
                known.add(millis.getAsLong());
            }
        }
        known.sort(null);
        long unknown = known.isEmpty() ? UNKNOWN_WITHOUT_HISTORY : Math.max(1, known.get((known.size() - 1) / 2));
        SortedMap<String, Long> expected = new TreeMap<>();
        names.forEach(name -> expected.put(name, history.classMillis(name).orElse(unknown)));
        return expected;
    }

    /** How many of {@code names} the history does not know. */
    public static int unknownClasses(Collection<String> names, DurationHistory history) {
        return (int) names.stream().filter(name -> history.classMillis(name).isEmpty()).count();
    }

    /**
     * Shortens the slowest slice by moving one of its blocks to another slice, or swapping one with a shorter block
     * there, while that makes both shorter than the slowest was; always the best such change, the first on ties.
     */
    private static void rebalance(List<FixtureBlocks.Block> blocks, int[] sliceOfBlock, long[] load) {
        int count = load.length;
        boolean swaps = blocks.size() <= MAX_BLOCKS_FOR_SWAPS;
        for (int round = 0; round < 4 * blocks.size() + 16; round++) {
            int slowest = 0;
            for (int s = 1; s < count; s++) {
                if (load[s] > load[slowest]) {
                    slowest = s;
                }
            }
            long bestMax = load[slowest];
            int bestFrom = -1;
            int bestTo = -1; // a block index, or -1 - slice for a plain move there
            for (int b = 0; b < blocks.size(); b++) {
                if (sliceOfBlock[b] != slowest) {
                    continue;
                }
                long size = blocks.get(b).millis();
                for (int other = 0; other < count; other++) {
                    if (other == slowest) {
                        continue;
                    }
                    long moved = Math.max(load[slowest] - size, load[other] + size);
                    if (moved < bestMax) {
                        bestMax = moved;
                        bestFrom = b;
                        bestTo = -1 - other;
                    }
                }
                if (!swaps) {
                    continue;
                }
                for (int c = 0; c < blocks.size(); c++) {
                    if (sliceOfBlock[c] == slowest) {
                        continue;
                    }
                    long delta = size - blocks.get(c).millis();
                    if (delta <= 0) {
                        continue;
                    }
                    long swapped = Math.max(load[slowest] - delta, load[sliceOfBlock[c]] + delta);
                    if (swapped < bestMax) {
                        bestMax = swapped;
                        bestFrom = b;
                        bestTo = c;
                    }
                }
            }
            if (bestFrom < 0) {
                return;
            }
            long size = blocks.get(bestFrom).millis();
            if (bestTo < 0) {
                int other = -1 - bestTo;
                sliceOfBlock[bestFrom] = other;
                load[slowest] -= size;
                load[other] += size;
            } else {
                int other = sliceOfBlock[bestTo];
                long delta = size - blocks.get(bestTo).millis();
                sliceOfBlock[bestFrom] = other;
                sliceOfBlock[bestTo] = slowest;
                load[slowest] -= delta;
                load[other] += delta;
            }
        }
    }
}
