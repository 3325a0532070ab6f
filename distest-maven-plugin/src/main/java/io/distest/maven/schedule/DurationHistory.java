package io.distest.maven.schedule;

import io.distest.shared.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * How long test classes and their test methods took, merged over runs: what the next run plans with.
 *
 * <p>The file is UTF-8 text, one duration per line, tab-separated: {@code class}, {@code method} (empty for the
 * class as a whole: set-up, tests and tear-down) and whole {@code milliseconds}. Lines starting with {@code #}
 * are comments; a line that cannot be read is skipped. Lines are sorted and carry no time stamps, host names or
 * paths, so the file can be committed or cached in CI and changes only where durations change. Method lines are
 * kept only for classes of at least {@value #METHOD_LINES_MIN_MILLIS} ms: only those are ever split.
 *
 * <p>Merging: a class measured in full replaces its method lines by the ones measured (so renamed and deleted
 * methods disappear) and its durations become the mean of the old and the new one; a class measured in part
 * (some methods selected) updates only the methods that ran; a class not run keeps its lines unless it no longer
 * exists.
 *
 * <p>Shared fixtures (v2): a class whose tests used an in-JVM cached fixture (a Spring application context) has the
 * fixture's key as a fourth field of its class line, and its milliseconds are then its time with the fixture already
 * up. Each fixture has a line of its own, {@code key<TAB>(fixture start)<TAB>milliseconds}: what starting it costs the
 * first class that needs it in a JVM. A reader of v1 skips neither: it reads three fields and ignores the rest.
 * A start line may have a fourth field, the processor time the start used (every thread of its JVM): a framework
 * whose warm-up keeps more than one core busy slows a second JVM warming up beside it, which the worker budget
 * counts. Readers that do not know the field ignore it.
 */
public final class DurationHistory {
    /** Below this, a class is never worth splitting, so its methods are not kept. */
    public static final long METHOD_LINES_MIN_MILLIS = 500;
    /** The method field of a fixture's start line. */
    static final String FIXTURE_START = "(fixture start)";

    static final String HEADER = "# distest durations v2 (see distest's README, \"Speed\"): class<TAB>method<TAB>milliseconds"
            + "[<TAB>fixture]; an empty method is the whole class; fixture<TAB>" + FIXTURE_START + "<TAB>milliseconds"
            + "[<TAB>processor milliseconds] is what starting a shared fixture costs.\n# Rewritten after every run,"
            + " merged with what was here. Safe to commit or to cache in CI; delete it to start over.";

    /**
     * One class's durations.
     *
     * @param millis the class as a whole, as if run in one piece
     * @param methodMillis per test method (all invocations of a parameterised or repeated method together)
     * @param fixture the shared fixture its tests used (then {@code millis} is with the fixture up); empty: none
     */
    public record ClassDurations(long millis, SortedMap<String, Long> methodMillis, String fixture) {
        public ClassDurations {
            if (millis < 0) {
                throw new IllegalArgumentException("millis must be >= 0, got " + millis);
            }
            methodMillis = new TreeMap<>(methodMillis);
            fixture = fixture == null ? "" : fixture;
        }

        public ClassDurations(long millis, SortedMap<String, Long> methodMillis) {
            this(millis, methodMillis, "");
        }

        /** Set-up and tear-down: the class's time outside its test methods. */
        public long overheadMillis() {
            return Math.max(0, millis - methodMillis.values().stream().mapToLong(Long::longValue).sum());
        }
    }

    /**
     * What starting a shared fixture, or warming up its framework, costs the first class that needs it in a JVM.
     *
     * @param millis its wall time
     * @param cpuMillis the processor time its JVM used meanwhile, all threads together; -1 when unknown
     */
    public record FixtureStart(long millis, long cpuMillis) {
        public FixtureStart {
            millis = Math.max(0, millis);
            cpuMillis = Math.max(-1, cpuMillis);
        }

        /** How many cores it kept busy on average; {@code unknown} when its processor time is not known. */
        public double cores(double unknown) {
            return cpuMillis < 0 || millis == 0 ? unknown : (double) cpuMillis / millis;
        }
    }

    /**
     * What one run measured of one class.
     *
     * @param complete every test of the class ran (no method selection, no unit lost): its method list is whole
     * @param fixture the shared fixture its tests used, by its framework's key; empty: none
     * @param fixtureStarted whether the fixture was started for this class (the first class that used it in its
     *     JVM): then {@code millis} includes the start
     * @param frameworkStarted whether it was the first class of its fixture's framework in its JVM: then {@code
     *     millis} includes the framework's warm-up too
     * @param cpuMillis the processor time its JVM used while it ran (all threads); -1 when unknown
     */
    public record Measurement(String className, long millis, Map<String, Long> methodMillis, boolean complete,
            String fixture, boolean fixtureStarted, boolean frameworkStarted, long cpuMillis) {
        public Measurement {
            methodMillis = Map.copyOf(methodMillis);
            fixture = fixture == null ? "" : fixture;
            cpuMillis = Math.max(-1, cpuMillis);
        }

        public Measurement(String className, long millis, Map<String, Long> methodMillis, boolean complete,
                String fixture, boolean fixtureStarted, boolean frameworkStarted) {
            this(className, millis, methodMillis, complete, fixture, fixtureStarted, frameworkStarted, -1);
        }

        public Measurement(String className, long millis, Map<String, Long> methodMillis, boolean complete) {
            this(className, millis, methodMillis, complete, "", false, false);
        }
    }

    private final SortedMap<String, ClassDurations> classes;
    private final SortedMap<String, FixtureStart> fixtureStarts;

    private DurationHistory(SortedMap<String, ClassDurations> classes, SortedMap<String, FixtureStart> fixtureStarts) {
        this.classes = classes;
        this.fixtureStarts = fixtureStarts;
    }

    public static DurationHistory empty() {
        return new DurationHistory(new TreeMap<>(), new TreeMap<>());
    }

    /** Reads a history file; a missing file is an empty history. */
    public static DurationHistory read(Path file) throws IOException {
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return empty();
        }
    }

    /** Parses the lines of a history file, skipping comments and lines it cannot read. */
    public static DurationHistory parse(List<String> lines) {
        SortedMap<String, Long> classMillis = new TreeMap<>();
        SortedMap<String, String> fixtures = new TreeMap<>();
        SortedMap<String, FixtureStart> fixtureStarts = new TreeMap<>();
        SortedMap<String, SortedMap<String, Long>> methods = new TreeMap<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            if (fields.length < 3 || fields[0].isBlank()) {
                continue;
            }
            long millis;
            try {
                millis = Long.parseLong(fields[2].trim());
            } catch (NumberFormatException e) {
                continue;
            }
            if (millis < 0) {
                continue;
            }
            String className = fields[0].trim();
            String method = fields[1].trim();
            if (method.equals(FIXTURE_START)) {
                fixtureStarts.put(className, new FixtureStart(millis, fields.length > 3 ? cpuField(fields[3]) : -1));
            } else if (method.isEmpty()) {
                classMillis.put(className, millis);
                if (fields.length > 3 && !fields[3].isBlank()) {
                    fixtures.put(className, fields[3].trim());
                }
            } else {
                methods.computeIfAbsent(className, c -> new TreeMap<>()).put(method, millis);
            }
        }
        SortedMap<String, ClassDurations> classes = new TreeMap<>();
        classMillis.forEach((name, millis) -> classes.put(name,
                new ClassDurations(millis, methods.getOrDefault(name, new TreeMap<>()), fixtures.get(name))));
        methods.forEach((name, byMethod) -> classes.computeIfAbsent(name, n ->
                new ClassDurations(byMethod.values().stream().mapToLong(Long::longValue).sum(), byMethod)));
        fixtureStarts.keySet().removeIf(key -> fixtures.values().stream()
                .noneMatch(fixture -> fixture.equals(key) || FixtureBlocks.framework(fixture).equals(key)));
        return new DurationHistory(classes, fixtureStarts);
    }

    /** The file's content, header included. */
    public String format() {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        classes.forEach((name, durations) -> {
            text.append(name).append("\t\t").append(durations.millis());
            if (!durations.fixture().isEmpty()) {
                text.append('\t').append(durations.fixture());
            }
            text.append('\n');
            durations.methodMillis().forEach((method, millis) ->
                    text.append(name).append('\t').append(method).append('\t').append(millis).append('\n'));
        });
        fixtureStarts.forEach((fixture, start) -> {
            text.append(fixture).append('\t').append(FIXTURE_START).append('\t').append(start.millis());
            if (start.cpuMillis() >= 0) {
                text.append('\t').append(start.cpuMillis());
            }
            text.append('\n');
        });
        return text.toString();
    }

    private static long cpuField(String field) {
        try {
            return Long.parseLong(field.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Writes the file through a temporary sibling, so that a reader never sees half of it. */
    public void write(Path file) throws IOException {
        AtomicFiles.writeString(file, format());
    }

    /**
     * A history of these classes and fixture starts, for the merge of sliced runs; starts of fixtures no class uses
     * are dropped, as after a run.
     */
    public static DurationHistory of(Map<String, ClassDurations> classes, Map<String, FixtureStart> fixtureStarts) {
        SortedMap<String, FixtureStart> starts = new TreeMap<>(fixtureStarts);
        Set<String> used = new HashSet<>();
        classes.values().stream().map(ClassDurations::fixture).filter(f -> !f.isEmpty()).forEach(fixture -> {
            used.add(fixture);
            used.add(FixtureBlocks.framework(fixture));
        });
        starts.keySet().retainAll(used);
        return new DurationHistory(new TreeMap<>(classes), starts);
    }

    /** The classes it knows, by name. */
    public SortedMap<String, ClassDurations> classes() {
        return java.util.Collections.unmodifiableSortedMap(classes);
    }

    /** What starting each fixture (or warming up each framework) costs, by key. */
    public SortedMap<String, FixtureStart> fixtureStarts() {
        return java.util.Collections.unmodifiableSortedMap(fixtureStarts);
    }

    public boolean isEmpty() {
        return classes.isEmpty();
    }

    public int size() {
        return classes.size();
    }

    /** The class's expected duration as a whole, if it ran before. */
    public OptionalLong classMillis(String className) {
        ClassDurations durations = classes.get(className);
        return durations == null ? OptionalLong.empty() : OptionalLong.of(durations.millis());
    }

    /** What is known of the class, or {@code null}. */
    public ClassDurations durations(String className) {
        return classes.get(className);
    }

    /** The shared fixture the class used when it last ran; empty when none (or unknown). */
    public String fixture(String className) {
        ClassDurations durations = classes.get(className);
        return durations == null ? "" : durations.fixture();
    }

    /**
     * What starting the fixture costs the first class that uses it in a JVM, or (for a framework, {@code spring})
     * warming the framework up costs the first class of any of its fixtures; 0 when unknown.
     */
    public long fixtureStartMillis(String fixture) {
        return fixtureStart(fixture).millis();
    }

    /** What starting the fixture (or warming up the framework) costs; 0 ms and unknown processor time when unknown. */
    public FixtureStart fixtureStart(String fixture) {
        return fixtureStarts.getOrDefault(fixture, new FixtureStart(0, -1));
    }

    /**
     * This history updated with one run's measurements.
     *
     * @param stillExists whether a class not measured in this run still exists; the others are dropped
     */
    public DurationHistory merge(Collection<Measurement> measured, Predicate<String> stillExists) {
        SortedMap<String, ClassDurations> merged = new TreeMap<>();
        classes.forEach((name, durations) -> {
            if (stillExists.test(name)) {
                merged.put(name, durations);
            }
        });
        SortedMap<String, FixtureStart> starts = new TreeMap<>(fixtureStarts);
        starts.putAll(FixtureStarts.measured(measured, this));
        for (Measurement measurement : measured) {
            ClassDurations old = classes.get(measurement.className());
            SortedMap<String, Long> methods = new TreeMap<>();
            if (old != null && !measurement.complete()) {
                methods.putAll(old.methodMillis());
            }
            measurement.methodMillis().forEach((method, millis) -> {
                Long before = old == null ? null : old.methodMillis().get(method);
                methods.put(method, before == null ? millis : mean(before, millis));
            });
            long measuredMillis = FixtureStarts.withFixtureUp(measurement, starts);
            long millis;
            if (measurement.complete()) {
                millis = old == null ? measuredMillis : mean(old.millis(), measuredMillis);
            } else if (old != null) {
                millis = Math.max(old.millis(), methods.values().stream().mapToLong(Long::longValue).sum());
            } else {
                millis = measuredMillis;
            }
            if (millis < METHOD_LINES_MIN_MILLIS) {
                methods.clear();
            }
            merged.put(measurement.className(), new ClassDurations(millis, methods, measurement.fixture()));
        }
        Set<String> used = new HashSet<>();
        merged.values().stream().map(ClassDurations::fixture).filter(f -> !f.isEmpty()).forEach(fixture -> {
            used.add(fixture);
            used.add(FixtureBlocks.framework(fixture));
        });
        starts.keySet().retainAll(used);
        return new DurationHistory(merged, starts);
    }

    static long mean(long a, long b) {
        return Math.round((a + b) / 2.0);
    }

    @Override
    public String toString() {
        return "DurationHistory" + new ArrayList<>(classes.entrySet()) + fixtureStarts;
    }
}
