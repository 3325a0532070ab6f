package io.distest.maven.schedule;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Keeps test classes that share in-JVM fixtures together. Two levels: a class's fixture ({@code spring:3f2a…}, one
 * Spring application context) is started once per JVM for all the classes that share it; and its framework
 * ({@code spring}) is warmed up once per JVM for all its fixtures (loading and compiling the framework costs more
 * than a later context). Each framework's classes form one block for one worker, its fixtures' classes back to back.
 * A block is cut in parts only where that makes the run cheaper by its {@link RunCost}: its length (blocks longest
 * first onto the least loaded worker) and what the cut costs the cores the workers share. A fixture's classes are cut
 * apart on the same terms, each part starting it again. Units without a fixture are blocks of one.
 */
public final class FixtureBlocks {
    /**
     * Units that one worker runs back to back.
     *
     * @param key the framework and part ({@code spring}, {@code spring#2}); empty for a unit without a fixture
     * @param startsMillis what this block spends warming up its framework and starting its fixtures
     * @param millis the block's expected time, starts included
     */
    public record Block(String key, List<TestUnit> units, long startsMillis, long millis) {
        public Block {
            units = List.copyOf(units);
        }
    }

    /** What running these blocks on that many workers costs, in milliseconds: the lower, the better the cut. */
    @FunctionalInterface
    public interface RunCost {
        long of(List<Block> blocks, int workers);
    }

    /**
     * The run's length plus every warm-up and start once more: where nothing tells how busy a warm-up keeps the
     * cores, a second one is taken to slow the others by its whole length (a framework warming up can take every
     * core of the machine the workers share).
     */
    public static final RunCost STARTS_ON_SHARED_CORES = (blocks, workers) -> makespan(blocks, workers)
            + startsMillis(blocks);

    /** The classes of one fixture, or one part of them. */
    private record Share(String fixture, List<TestUnit> units, long millis) {}

    private final ToLongFunction<TestUnit> millis;
    private final Function<TestUnit, String> fixture;
    private final ToLongFunction<String> startMillis;
    private final RunCost cost;

    /**
     * @param millis a unit's expected time with its fixture up
     * @param fixture a unit's fixture key ({@code framework:hash}); empty for none
     * @param startMillis what starting a fixture, or warming up a framework, costs
     * @param cost what decides whether a cut pays
     */
    public FixtureBlocks(ToLongFunction<TestUnit> millis, Function<TestUnit, String> fixture,
            ToLongFunction<String> startMillis, RunCost cost) {
        this.millis = millis;
        this.fixture = fixture;
        this.startMillis = startMillis;
        this.cost = cost;
    }

    /** The framework of a fixture key: what comes before its {@code ':'}. */
    public static String framework(String fixture) {
        int colon = fixture.indexOf(':');
        return colon < 0 ? fixture : fixture.substring(0, colon);
    }

    /** The blocks for {@code workers} workers, longest first. */
    public List<Block> blocks(List<TestUnit> units, int workers) {
        Map<String, List<TestUnit>> byFixture = new TreeMap<>();
        List<TestUnit> alone = new ArrayList<>();
        for (TestUnit unit : units) {
            String key = fixture.apply(unit);
            if (key.isEmpty()) {
                alone.add(unit);
            } else {
                byFixture.computeIfAbsent(key, k -> new ArrayList<>()).add(unit);
            }
        }
        Map<String, Integer> cuts = new LinkedHashMap<>(); // parts per fixture, and per framework
        byFixture.keySet().forEach(key -> {
            cuts.put(key, 1);
            cuts.put(framework(key), 1);
        });
        List<Block> best = build(byFixture, cuts, alone);
        long bestCost = cost.of(best, workers);
        while (true) { // the cut that makes the run cheapest, while there is one that makes it cheaper
            List<String> chosen = null;
            List<Block> chosenBlocks = null;
            long chosenGain = 0;
            for (List<String> move : moves(cuts.keySet())) {
                if (move.stream().anyMatch(key -> cuts.get(key) >= Math.min(workers, countOf(key, byFixture)))) {
                    continue;
                }
                move.forEach(key -> cuts.merge(key, 1, Integer::sum));
                List<Block> tried = build(byFixture, cuts, alone);
                move.forEach(key -> cuts.merge(key, -1, Integer::sum));
                long gain = bestCost - cost.of(tried, workers);
                if (gain > chosenGain) {
                    chosen = move;
                    chosenBlocks = tried;
                    chosenGain = gain;
                }
            }
            if (chosen == null) {
                return best;
            }
            chosen.forEach(key -> cuts.merge(key, 1, Integer::sum));
            best = chosenBlocks;
            bestCost = cost.of(best, workers);
        }
    }

    /** One more part for a framework, for a fixture, or for both (a fixture's second share needs a block of its own). */
    private static List<List<String>> moves(Collection<String> keys) {
        List<List<String>> moves = new ArrayList<>();
        for (String key : keys) {
            moves.add(List.of(key));
            if (!framework(key).equals(key)) {
                moves.add(List.of(key, framework(key)));
            }
        }
        return moves;
    }

    /** How many parts the key can be cut into: a fixture's classes, or a framework's fixture parts. */
    private static int countOf(String key, Map<String, List<TestUnit>> byFixture) {
        List<TestUnit> units = byFixture.get(key);
        if (units != null) {
            return units.size();
        }
        return (int) byFixture.entrySet().stream().filter(entry -> framework(entry.getKey()).equals(key))
                .mapToLong(entry -> entry.getValue().size()).sum();
    }

    private List<Block> build(Map<String, List<TestUnit>> byFixture, Map<String, Integer> cuts, List<TestUnit> alone) {
        Map<String, List<Share>> sharesByFramework = new TreeMap<>();
        byFixture.forEach((key, units) -> sharesByFramework.computeIfAbsent(framework(key), f -> new ArrayList<>())
                .addAll(shares(key, units, cuts.get(key))));
        List<Block> blocks = new ArrayList<>();
        sharesByFramework.forEach((framework, shares) -> blocks.addAll(parts(framework, shares, cuts.get(framework))));
        alone.forEach(unit -> blocks.add(new Block("", List.of(unit), 0, millis.applyAsLong(unit))));
        blocks.sort(Comparator.comparingLong(Block::millis).reversed().thenComparing(Block::key));
        return blocks;
    }

    /** The fixture's classes dealt longest first to {@code count} shares, each paying the fixture's start. */
    private List<Share> shares(String key, List<TestUnit> units, int count) {
        long start = startMillis.applyAsLong(key);
        List<List<TestUnit>> dealt = deal(units, count, millis);
        List<Share> shares = new ArrayList<>();
        dealt.forEach(part -> shares.add(new Share(key, part, start + part.stream().mapToLong(millis).sum())));
        return shares;
    }

    /** The framework's fixture shares dealt longest first to {@code count} blocks, each warming the framework up. */
    private List<Block> parts(String framework, List<Share> shares, int count) {
        long warmUp = startMillis.applyAsLong(framework);
        List<List<Share>> dealt = deal(shares, count, Share::millis);
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < dealt.size(); i++) {
            List<Share> part = dealt.get(i);
            List<TestUnit> units = new ArrayList<>();
            long starts = warmUp;
            long total = warmUp;
            for (Share share : part) {
                units.addAll(share.units());
                long start = startMillis.applyAsLong(share.fixture());
                starts += start;
                total += share.millis();
            }
            blocks.add(new Block(dealt.size() == 1 ? framework : framework + "#" + (i + 1), units, starts, total));
        }
        return blocks;
    }

    /** Items dealt, longest first, to the part with the least so far; each part keeps its items longest first. */
    private static <T> List<List<T>> deal(List<T> items, int count, ToLongFunction<T> size) {
        List<List<T>> parts = new ArrayList<>();
        long[] load = new long[count];
        for (int i = 0; i < count; i++) {
            parts.add(new ArrayList<>());
        }
        items.stream().sorted(Comparator.comparingLong(size).reversed()).forEach(item -> {
            int least = 0;
            for (int i = 1; i < count; i++) {
                if (load[i] < load[least]) {
                    least = i;
                }
            }
            parts.get(least).add(item);
            load[least] += size.applyAsLong(item);
        });
        parts.removeIf(List::isEmpty);
        return parts;
    }

    /** The run's length when each block, longest first, goes to the least loaded of {@code workers}. */
    public static long makespan(List<Block> blocks, int workers) {
        PriorityQueue<Long> loads = new PriorityQueue<>();
        for (int i = 0; i < workers; i++) {
            loads.add(0L);
        }
        blocks.stream().mapToLong(Block::millis).boxed().sorted(Comparator.reverseOrder())
                .forEach(block -> loads.add(loads.poll() + block));
        return loads.stream().mapToLong(Long::longValue).max().orElse(0);
    }

    /** What these blocks spend warming up frameworks and starting fixtures, added up. */
    public static long startsMillis(List<Block> blocks) {
        return blocks.stream().mapToLong(Block::startsMillis).sum();
    }
}
