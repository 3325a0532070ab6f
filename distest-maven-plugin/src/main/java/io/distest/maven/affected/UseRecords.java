package io.distest.maven.affected;

import io.distest.maven.parameter.Parameters;
import io.distest.shared.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The last runs' records: the global inputs, and per test class its last verdict, when it last ran and the hash of
 * everything it used then. Kept beside the durations history ({@code .distest/affected.tsv}), UTF-8 text,
 * tab-separated, written atomically:
 *
 * <pre>
 * built   &lt;millis&gt;  &lt;builds since everything ran&gt;
 * global  &lt;input&gt;   &lt;hash&gt;
 * dep     c|r       &lt;class or resource name&gt;  &lt;hash&gt;     (numbered from 0 in file order)
 * class   &lt;name&gt;    pass|fail  &lt;last run millis&gt;  &lt;dep numbers, comma-separated&gt;
 * </pre>
 *
 * Anything it cannot read makes the whole file unreadable: then every class runs.
 */
record UseRecords(long builtMillis, int buildsSinceFullRun, GlobalInputs global, Map<String, ClassRecord> classes) {
    static final String HEADER = "# distest affected-test records v1 (see docs/affected.md): what each test class used"
            + " when it last ran.\n# Rewritten after every run with " + Parameters.AFFECTED + "; delete it to run everything.";

    /**
     * @param passed every test of the class passed (or was skipped) the last time it ran, and its record is whole
     * @param usedHashes what it used then, with each hash; empty for a class that did not pass
     */
    record ClassRecord(String className, boolean passed, long lastRunMillis, SortedMap<Dependency, String> usedHashes) {
        ClassRecord {
            usedHashes = Collections.unmodifiableSortedMap(new TreeMap<>(usedHashes));
        }
    }

    UseRecords {
        classes = Collections.unmodifiableMap(new LinkedHashMap<>(classes));
    }

    /** The file's records; {@link IOException} when it is missing ({@link NoSuchFileException}) or damaged. */
    static UseRecords read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        long built = -1;
        int builds = 0;
        SortedMap<String, String> global = new TreeMap<>();
        List<Map.Entry<Dependency, String>> deps = new ArrayList<>();
        Map<String, ClassRecord> classes = new LinkedHashMap<>();
        int number = 0;
        try {
            for (String line : lines) {
                number++;
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                switch (f[0]) {
                    case "built" -> {
                        built = Long.parseLong(f[1]);
                        builds = Integer.parseInt(f[2]);
                    }
                    case "global" -> global.put(f[1], f[2]);
                    case "dep" -> deps.add(Map.entry(new Dependency(Dependency.Kind.of(single(f[1])), f[2]), f[3]));
                    case "class" -> {
                        SortedMap<Dependency, String> used = new TreeMap<>();
                        if (!f[4].isEmpty()) {
                            for (String index : f[4].split(",")) {
                                Map.Entry<Dependency, String> dep = deps.get(Integer.parseInt(index));
                                used.put(dep.getKey(), dep.getValue());
                            }
                        }
                        classes.put(f[1], new ClassRecord(f[1], "pass".equals(f[2]), Long.parseLong(f[3]), used));
                    }
                    default -> throw new IllegalArgumentException("unknown line kind " + f[0]);
                }
            }
        } catch (RuntimeException e) {
            throw new IOException(file + " line " + number + " is damaged (" + e + ")", e);
        }
        if (built < 0) {
            throw new IOException(file + " has no built line");
        }
        return new UseRecords(built, builds, new GlobalInputs(global), classes);
    }

    private static char single(String text) {
        if (text.length() != 1) {
            throw new IllegalArgumentException("not a dependency kind: " + text);
        }
        return text.charAt(0);
    }

    void write(Path file) throws IOException {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        out.append("built\t").append(builtMillis).append('\t').append(buildsSinceFullRun).append('\n');
        global.hashes().forEach((name, hash) -> out.append("global\t").append(name).append('\t').append(hash).append('\n'));
        Map<Map.Entry<Dependency, String>, Integer> numbers = new HashMap<>();
        StringBuilder classLines = new StringBuilder();
        for (ClassRecord record : new TreeMap<>(classes).values()) {
            List<String> indices = new ArrayList<>();
            for (Map.Entry<Dependency, String> used : record.usedHashes().entrySet()) {
                Integer index = numbers.get(used);
                if (index == null) {
                    index = numbers.size();
                    numbers.put(Map.entry(used.getKey(), used.getValue()), index);
                    out.append("dep\t").append(used.getKey().kind().letter).append('\t').append(used.getKey().name())
                            .append('\t').append(used.getValue()).append('\n');
                }
                indices.add(index.toString());
            }
            classLines.append("class\t").append(record.className()).append('\t')
                    .append(record.passed() ? "pass" : "fail").append('\t').append(record.lastRunMillis()).append('\t')
                    .append(String.join(",", indices)).append('\n');
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFiles.writeString(file, out.append(classLines).toString());
    }
}
