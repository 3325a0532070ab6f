package io.distest.maven.schedule;

import io.distest.maven.schedule.DurationHistory.FixtureStart;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What frameworks warming up at once cost a run whose workers share the build machine's cores, and so whether a
 * fixture block is worth cutting and a worker worth starting. All workers start together, and a framework warming up
 * keeps more than one core busy (its JIT and collector threads, its own start-up threads). Over the longest warm-up,
 * the workers ask for every part's warm-up at its measured processor share, and each other worker for every core
 * while it runs its plain classes (a cold JVM compiles and collects beside its tests, and the history does not know
 * their processor time); what the cores cannot give in that window is added to the run's length. A warm-up that
 * mostly waits (a context that sleeps on its connections) costs a second JVM little; one that keeps every core busy
 * costs it its whole length, and leaves nothing for a worker of plain classes beside it: on spring-petclinic (2.3
 * cores of warm-up on 2) such a worker made Spring's first test 12 s later (on a loaded machine). And over the whole
 * run, no arrangement ends before the cores have done all its work: every warm-up and context start at its measured
 * processor time, every class's time on one core. spring-petclinic's contexts keep two cores busy as they start, so
 * a second JVM starting half of them gains nothing and pays a second warm-up (1.58 × Surefire's single fork, quiet
 * machine, before this bound).
 *
 * <p>A history without the processor times (written before distest measured them) charges each cut its starts once
 * more and each added worker the longest warm-up whole, as before.
 */
final class Contention {
    private final DurationHistory history;
    private final int cores;
    private final FixtureBlocks grouping;

    Contention(DurationHistory history, int cores) {
        this.history = history;
        this.cores = cores;
        this.grouping = new FixtureBlocks(unit -> history.classMillis(unit.className()).orElse(0),
                unit -> history.fixture(unit.className()), history::fixtureStartMillis, this::runMillis);
    }

    /** On the cores of the machine this build runs on. */
    static Contention onThisMachine(DurationHistory history) {
        return new Contention(history, Runtime.getRuntime().availableProcessors());
    }

    /**
     * The run's length with these blocks on {@code workers} workers: its makespan and what its warm-ups lose to each
     * other, and no less than its processor time spread over the cores.
     */
    long runMillis(List<FixtureBlocks.Block> blocks, int workers) {
        if (!measured(blocks)) {
            return FixtureBlocks.STARTS_ON_SHARED_CORES.of(blocks, workers);
        }
        long processor = Math.round(blocks.stream().mapToDouble(this::processorMillis).sum() / cores);
        return Math.max(FixtureBlocks.makespan(blocks, workers) + lostToEachOther(blocks, workers), processor);
    }

    /**
     * The processor time a block asks for: its framework's warm-up and its fixtures' starts as measured (their wall
     * time where not), its classes' time on one core.
     */
    private double processorMillis(FixtureBlocks.Block block) {
        if (block.key().isEmpty()) {
            return block.millis();
        }
        Set<String> fixtures = new TreeSet<>();
        block.units().forEach(unit -> fixtures.add(history.fixture(unit.className())));
        fixtures.add(frameworkOf(block));
        double starts = fixtures.stream().map(history::fixtureStart)
                .mapToDouble(start -> start.cpuMillis() >= 0 ? start.cpuMillis() : start.millis()).sum();
        return starts + block.millis() - block.startsMillis();
    }

    /** Of {@code workers}, how many are worth their fixture starts and warm-ups. */
    int worthTheirFixtures(List<TestUnit> units, int workers) {
        Set<String> frameworks = new TreeSet<>();
        units.forEach(unit -> frameworks.add(FixtureBlocks.framework(history.fixture(unit.className()))));
        frameworks.remove("");
        if (frameworks.isEmpty()) {
            return workers;
        }
        boolean measured = frameworks.stream().allMatch(framework -> history.fixtureStart(framework).cpuMillis() >= 0);
        long charge = measured ? 0 : frameworks.stream().mapToLong(history::fixtureStartMillis).max().orElse(0);
        int count = workers;
        while (count > 1) {
            long saved = runMillis(grouping.blocks(units, count - 1), count - 1)
                    - runMillis(grouping.blocks(units, count), count);
            if (saved > charge) {
                break;
            }
            count--;
        }
        return count;
    }

    /** Whether the history knows the processor time of every framework these blocks warm up. */
    private boolean measured(List<FixtureBlocks.Block> blocks) {
        return blocks.stream().filter(block -> !block.key().isEmpty())
                .allMatch(block -> history.fixtureStart(frameworkOf(block)).cpuMillis() >= 0);
    }

    /**
     * The wall time the warm-ups of these blocks on {@code workers} workers lose for want of cores: the processor
     * time asked for in the longest warm-up's window beyond what the cores give in it, spread over the cores.
     */
    long lostToEachOther(List<FixtureBlocks.Block> blocks, int workers) {
        Map<String, Long> partsByFramework = blocks.stream().filter(block -> !block.key().isEmpty())
                .collect(Collectors.groupingBy(Contention::frameworkOf, TreeMap::new,
                        Collectors.counting()));
        long window = partsByFramework.keySet().stream().mapToLong(history::fixtureStartMillis).max().orElse(0);
        double asked = 0;
        int warming = 0;
        for (Map.Entry<String, Long> framework : partsByFramework.entrySet()) {
            FixtureStart warmUp = history.fixtureStart(framework.getKey());
            asked += framework.getValue() * warmUp.millis() * warmUp.cores(cores);
            warming += framework.getValue();
        }
        long otherWork = blocks.stream().filter(block -> block.key().isEmpty()).mapToLong(FixtureBlocks.Block::millis)
                .sum();
        asked += Math.min((double) Math.max(0, workers - warming) * window, otherWork) * cores;
        return Math.round(Math.max(0, asked - (double) cores * window) / cores);
    }

    /** A block's framework: its key without the part number ({@code spring#2} is {@code spring}). */
    private static String frameworkOf(FixtureBlocks.Block block) {
        int hash = block.key().indexOf('#');
        return hash < 0 ? block.key() : block.key().substring(0, hash);
    }
}
