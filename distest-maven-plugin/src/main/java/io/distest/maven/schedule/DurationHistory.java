package io.distest.maven.schedule;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
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
 */
public final class DurationHistory {
    /** Below this, a class is never worth splitting, so its methods are not kept. */
    public static final long METHOD_LINES_MIN_MILLIS = 500;

    static final String HEADER = "# distest durations v1 (see distest's README, \"Speed\"): class<TAB>method<TAB>milliseconds;"
            + " an empty method is the whole class.\n# Rewritten after every run, merged with what was here."
            + " Safe to commit or to cache in CI; delete it to start over.";

    /**
     * One class's durations.
     *
     * @param millis the class as a whole, as if run in one piece
     * @param methodMillis per test method (all invocations of a parameterised or repeated method together)
     */
    public record ClassDurations(long millis, SortedMap<String, Long> methodMillis) {
        public ClassDurations {
            if (millis < 0) {
                throw new IllegalArgumentException("millis must be >= 0, got " + millis);
            }
            methodMillis = new TreeMap<>(methodMillis);
        }

        /** Set-up and tear-down: the class's time outside its test methods. */
        public long overheadMillis() {
            return Math.max(0, millis - methodMillis.values().stream().mapToLong(Long::longValue).sum());
        }
    }

    /**
     * What one run measured of one class.
     *
     * @param complete every test of the class ran (no method selection, no unit lost): its method list is whole
     */
    public record Measurement(String className, long millis, Map<String, Long> methodMillis, boolean complete) {
        public Measurement {
            methodMillis = Map.copyOf(methodMillis);
        }
    }

    private final SortedMap<String, ClassDurations> classes;

    private DurationHistory(SortedMap<String, ClassDurations> classes) {
        this.classes = classes;
    }

    public static DurationHistory empty() {
        return new DurationHistory(new TreeMap<>());
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
            if (method.isEmpty()) {
                classMillis.put(className, millis);
            } else {
                methods.computeIfAbsent(className, c -> new TreeMap<>()).put(method, millis);
            }
        }
        SortedMap<String, ClassDurations> classes = new TreeMap<>();
        classMillis.forEach((name, millis) -> classes.put(name, new ClassDurations(millis, methods.getOrDefault(name, new TreeMap<>()))));
        methods.forEach((name, byMethod) -> classes.computeIfAbsent(name, n ->
                new ClassDurations(byMethod.values().stream().mapToLong(Long::longValue).sum(), byMethod)));
        return new DurationHistory(classes);
    }

    /** The file's content, header included. */
    public String format() {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        classes.forEach((name, durations) -> {
            text.append(name).append("\t\t").append(durations.millis()).append('\n');
            durations.methodMillis().forEach((method, millis) ->
                    text.append(name).append('\t').append(method).append('\t').append(millis).append('\n'));
        });
        return text.toString();
    }

    /** Writes the file through a temporary sibling, so that a reader never sees half of it. */
    public void write(Path file) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(temporary, format(), StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
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
            long millis;
            if (measurement.complete()) {
                millis = old == null ? measurement.millis() : mean(old.millis(), measurement.millis());
            } else if (old != null) {
                millis = Math.max(old.millis(), methods.values().stream().mapToLong(Long::longValue).sum());
            } else {
                millis = measurement.millis();
            }
            if (millis < METHOD_LINES_MIN_MILLIS) {
                methods.clear();
            }
            merged.put(measurement.className(), new ClassDurations(millis, methods));
        }
        return new DurationHistory(merged);
    }

    private static long mean(long a, long b) {
        return Math.round((a + b) / 2.0);
    }

    @Override
    public String toString() {
        return "DurationHistory" + new ArrayList<>(classes.entrySet());
    }
}
