package io.distest.maven.schedule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Orders the selected units longest-expected-first from a {@link DurationHistory}, and splits a class expected to
 * take longer than its fair share of the run ({@code total / workers}) into parts by method, so that no single
 * class holds up the end of the run. Without history, nothing changes: the units keep their order.
 */
public final class UnitPlanner {
    /** A class shorter than this is never split: the parts' extra set-up would eat the gain. */
    public static final long MIN_SPLIT_MILLIS = 1_000;

    /**
     * What to run, in which order.
     *
     * @param units the units to hand out, longest expected first
     * @param expectedMillis by unit id; units not in it are expected to take 0
     * @param labels by unit id, for split parts ("com.acme.BigTest (part 2 of 3)")
     * @param wholeClasses classes whose units together run every test of the class
     * @param knownClasses how many of the selected classes the history knew
     * @param notes what planning did, for the build log: one line per split class, or class not split and why
     * @param blocks by unit id, the block of units sharing a fixture it belongs to ({@link FixtureBlocks}); units
     *     without one are not in it
     * @param blockByClass the whole block of every class in one, for units made after planning (dist=each copies,
     *     re-runs)
     * @param startMillis what starting each block's fixture costs, by block key
     */
    public record Plan(List<TestUnit> units, Map<Integer, Long> expectedMillis, Map<Integer, String> labels,
            List<String> wholeClasses, int knownClasses, List<String> notes, Map<Integer, String> blocks,
            Map<String, String> blockByClass, Map<String, Long> startMillis) {
        public Plan {
            units = List.copyOf(units);
            expectedMillis = Map.copyOf(expectedMillis);
            labels = Map.copyOf(labels);
            wholeClasses = List.copyOf(wholeClasses);
            notes = List.copyOf(notes);
            blocks = Map.copyOf(blocks);
            blockByClass = Map.copyOf(blockByClass);
            startMillis = Map.copyOf(startMillis);
        }

        public Plan(List<TestUnit> units, Map<Integer, Long> expectedMillis, Map<Integer, String> labels,
                List<String> wholeClasses, int knownClasses, List<String> notes) {
            this(units, expectedMillis, labels, wholeClasses, knownClasses, notes, Map.of(), Map.of(), Map.of());
        }

        /** The units as selected, unordered and unsplit. */
        public static Plan unchanged(List<TestUnit> units) {
            return new Plan(units, Map.of(), Map.of(), wholeClassesOf(units), 0, List.of());
        }

        /** The block of units sharing a fixture that {@code unit} belongs to; empty when it shares none. */
        public String block(TestUnit unit) {
            String block = blocks.get(unit.id());
            return block != null ? block : blockByClass.getOrDefault(unit.className(), "");
        }

        /** What starting the fixture of {@code block} costs; 0 when unknown or none. */
        public long startMillis(String block) {
            return startMillis.getOrDefault(block, 0L);
        }

        public long expectedMillis(TestUnit unit) {
            return expectedMillis.getOrDefault(unit.id(), 0L);
        }

        public String label(TestUnit unit) {
            return labels.getOrDefault(unit.id(), unit.className());
        }

        /** The same plan for a run that selects tests by tag: no class is known to run in full. */
        public Plan withoutWholeClasses() {
            return new Plan(units, expectedMillis, labels, List.of(), knownClasses, notes, blocks, blockByClass,
                    startMillis);
        }
    }

    private final DurationHistory history;
    private final int workers;
    private final boolean split;
    private final Function<String, Optional<String>> reasonNotToSplit;

    /**
     * @param split whether dominant classes may be split at all ({@code distest.splitClasses})
     * @param reasonNotToSplit why a class must run in one piece (ordered methods, shared instance, opt-out), or
     *     empty when splitting it is safe; asked only about classes worth splitting
     */
    public UnitPlanner(DurationHistory history, int workers, boolean split,
            Function<String, Optional<String>> reasonNotToSplit) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be >= 1, got " + workers);
        }
        this.history = history;
        this.workers = workers;
        this.split = split;
        this.reasonNotToSplit = reasonNotToSplit;
    }

    public Plan plan(List<TestUnit> units) {
        if (history.isEmpty() || units.isEmpty()) {
            return Plan.unchanged(units);
        }
        Map<Integer, Long> expected = new HashMap<>();
        int known = 0;
        long knownSum = 0;
        for (TestUnit unit : units) {
            OptionalLong millis = history.classMillis(unit.className());
            if (millis.isPresent()) {
                expected.put(unit.id(), millis.getAsLong());
                known++;
                knownSum += millis.getAsLong();
            }
        }
        // a class never seen is as likely to be long as any other: it gets the mean of the known ones
        long unknown = known == 0 ? 0 : knownSum / known;
        units.forEach(unit -> expected.putIfAbsent(unit.id(), unknown));
        long total = expected.values().stream().mapToLong(Long::longValue).sum();
        double fairShare = (double) total / workers;

        List<TestUnit> planned = new ArrayList<>();
        Map<Integer, String> labels = new HashMap<>();
        List<String> notes = new ArrayList<>();
        int nextId = units.stream().mapToInt(TestUnit::id).max().orElse(0) + 1;
        for (TestUnit unit : units) {
            long millis = expected.get(unit.id());
            DurationHistory.ClassDurations durations = history.durations(unit.className());
            boolean dominant = workers > 1 && millis > fairShare && millis >= MIN_SPLIT_MILLIS && durations != null
                    && isWholeClass(unit) && durations.fixture().isEmpty(); // a part elsewhere starts the fixture again
            if (!dominant) {
                planned.add(unit);
                continue;
            }
            Map<String, Long> methods = methodsByName(durations);
            Optional<String> reason = !split ? Optional.of("distest.splitClasses=never")
                    : methods.size() < 2 ? Optional.of("fewer than two test methods known")
                    : methods.keySet().stream().anyMatch(name -> name.isEmpty() || name.contains("*") || name.contains("?"))
                            ? Optional.of("its test names cannot be selected by method name")
                    : reasonNotToSplit.apply(unit.className());
            String what = String.format("%s (%.1f s expected, its fair share is %.1f s)", unit.className(),
                    millis / 1000.0, fairShare / 1000.0);
            if (reason.isPresent()) {
                notes.add("not split: " + what + ": " + reason.get());
                planned.add(unit);
                continue;
            }
            int parts = (int) Math.min(Math.min(workers, methods.size()), Math.max(2, Math.ceil(2 * millis / fairShare)));
            List<TestUnit> pieces = split(unit, methods, parts, durations.overheadMillis(), nextId, expected);
            nextId += pieces.size() - 1;
            for (int i = 0; i < pieces.size(); i++) {
                labels.put(pieces.get(i).id(), unit.className() + " (part " + (i + 1) + " of " + pieces.size() + ")");
            }
            planned.addAll(pieces);
            notes.add("split " + what + " into " + pieces.size() + " parts by method");
        }
        // longest first; equal estimates keep their order (no history at all: the selection's order)
        planned.sort(Comparator.comparingLong((TestUnit u) -> expected.get(u.id())).reversed());
        return withFixtureBlocks(new Plan(planned, expected, labels, wholeClassesOf(units), known, notes));
    }

    /**
     * Where classes share fixtures, the units in block order (longest block first, each block's units together) and
     * the blocks; otherwise the plan as it is.
     */
    private Plan withFixtureBlocks(Plan plan) {
        FixtureBlocks grouping = new FixtureBlocks(plan::expectedMillis, unit -> history.fixture(unit.className()),
                history::fixtureStartMillis, Contention.onThisMachine(history)::runMillis);
        List<FixtureBlocks.Block> blocks = grouping.blocks(plan.units(), workers);
        if (blocks.stream().allMatch(block -> block.key().isEmpty())) {
            return plan;
        }
        List<TestUnit> ordered = new ArrayList<>();
        Map<Integer, Long> expected = new HashMap<>(plan.expectedMillis());
        Map<Integer, String> blockOf = new HashMap<>();
        Map<String, Long> starts = new HashMap<>();
        Map<String, String> frameworkByClass = new HashMap<>();
        Set<String> fixtures = new TreeSet<>();
        int shared = 0;
        int parts = 0;
        for (FixtureBlocks.Block block : blocks) {
            ordered.addAll(block.units());
            if (block.key().isEmpty()) {
                continue;
            }
            parts++;
            starts.put(block.key(), block.startsMillis());
            Set<String> started = new HashSet<>();
            for (TestUnit unit : block.units()) {
                String fixture = history.fixture(unit.className());
                // the first class of each fixture starts it, the block's first warms up the framework
                String framework = FixtureBlocks.framework(fixture);
                long paid = (started.add(fixture) ? history.fixtureStartMillis(fixture) : 0)
                        + (started.add(framework) ? history.fixtureStartMillis(framework) : 0);
                expected.merge(unit.id(), paid, Long::sum);
                blockOf.put(unit.id(), block.key());
                frameworkByClass.put(unit.className(), framework);
                starts.putIfAbsent(framework, block.startsMillis());
                fixtures.add(fixture);
                shared++;
            }
        }
        List<String> notes = new ArrayList<>(plan.notes());
        notes.add(String.format(Locale.ROOT, "%d classes use %d Spring contexts (or other shared fixtures):"
                + " they run on %d worker%s, each context's classes back to back", shared, fixtures.size(), parts,
                parts == 1 ? "" : "s"));
        return new Plan(ordered, expected, plan.labels(), plan.wholeClasses(), plan.knownClasses(), notes,
                blockOf, frameworkByClass, starts);
    }

    /**
     * Deals the methods, longest first, to the part with the least so far. The last part takes "every method not
     * named in another part", so that a method added since the history was written still runs.
     */
    private static List<TestUnit> split(TestUnit unit, Map<String, Long> methods, int parts, long overhead, int nextId,
            Map<Integer, Long> expected) {
        List<List<String>> names = new ArrayList<>();
        long[] load = new long[parts];
        for (int i = 0; i < parts; i++) {
            names.add(new ArrayList<>());
        }
        methods.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(method -> {
                    int least = 0;
                    for (int i = 1; i < parts; i++) {
                        if (load[i] < load[least]) {
                            least = i;
                        }
                    }
                    names.get(least).add(method.getKey());
                    load[least] += method.getValue();
                });
        List<TestUnit> pieces = new ArrayList<>();
        List<String> named = new ArrayList<>();
        for (int i = 0; i < parts - 1; i++) {
            List<String> mine = names.get(i).stream().sorted().toList();
            named.addAll(mine);
            TestUnit piece = new TestUnit(i == 0 ? unit.id() : nextId++, unit.className(), mine, List.of());
            pieces.add(piece);
            expected.put(piece.id(), load[i] + overhead);
        }
        TestUnit rest = new TestUnit(nextId, unit.className(), List.of(), named.stream().sorted().toList());
        pieces.add(rest);
        expected.put(rest.id(), load[parts - 1] + overhead);
        return pieces;
    }

    /**
     * History keeps report names ({@code m}, {@code m(int)[2]}, {@code test[0]}); a part selects Java method
     * names, so the invocations of one method stay together.
     */
    static Map<String, Long> methodsByName(DurationHistory.ClassDurations durations) {
        Map<String, Long> byName = new LinkedHashMap<>();
        durations.methodMillis().forEach((name, millis) -> byName.merge(javaMethodName(name), millis, Long::sum));
        return byName;
    }

    /** The Java method of a report name: {@code m(int)[2]} and {@code m[0]} are {@code m}. */
    public static String javaMethodName(String reportName) {
        int end = reportName.length();
        for (char stop : new char[] {'(', '['}) {
            int at = reportName.indexOf(stop);
            if (at >= 0) {
                end = Math.min(end, at);
            }
        }
        return reportName.substring(0, end).trim();
    }

    private static boolean isWholeClass(TestUnit unit) {
        return unit.includeMethods().isEmpty() && unit.excludeMethods().isEmpty() && unit.onlyTests().isEmpty()
                && unit.skipTests().isEmpty();
    }

    private static List<String> wholeClassesOf(List<TestUnit> units) {
        return units.stream().filter(UnitPlanner::isWholeClass).map(TestUnit::className).distinct().toList();
    }
}
