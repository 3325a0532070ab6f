package io.distest.maven.slice;

import io.distest.shared.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one job of a sliced pipeline leaves in {@code target/distest/} for the merge: the whole plan it computed
 * (every class and its slice, the history's hash, the slice count), which slice it ran, and where, below the build
 * directory, it put its reports, its timeline data and its durations.
 *
 * <p>The file, {@code slice-plan-<execution>.tsv}, is UTF-8 text, tab-separated: header lines {@code key<TAB>value}
 * ({@code slice}, {@code history}, {@code plan}, {@code reports}, {@code timeline}, {@code durations}, and after the
 * run one {@code no-tests} line per class that ran without a test), then one line per class: {@code class<TAB>slice<TAB>expected milliseconds}. Lines starting with {@code #} are comments.
 *
 * @param slice the slice this job ran
 * @param plan the plan of the whole module
 * @param reports the reports directory, relative to the build directory (absolute when outside it)
 * @param timeline the run's {@code run.json}, relative to the build directory; empty when the timeline is off
 * @param durations the durations history after this job's run, relative to the build directory
 * @param withoutTests the classes this job ran to their end without a test (written after the run; empty before):
 *     they have no report, and count as run by this
 * @param notAffected the classes of this job's share that {@code distest.affected} left out (no change could affect
 *     them): they have no report, and count as accounted for by this
 */
public record SliceRecord(Slice slice, SlicePlan plan, String reports, String timeline, String durations,
        SortedSet<String> withoutTests, SortedSet<String> notAffected) {
    /** The version line: raised when a field changes meaning. */
    static final String HEADER = "# distest slice plan v1 (see distest's README, \"Slices\"): the plan every job of"
            + " the pipeline computed, and what this job ran.\n# The merge goal checks that all jobs agree and that"
            + " every class ran in exactly one slice.";

    public SliceRecord {
        if (slice.count() != plan.count()) {
            throw new IllegalArgumentException("slice " + slice + " of a plan of " + plan.count() + " slices");
        }
        timeline = timeline == null ? "" : timeline;
        withoutTests = new TreeSet<>(withoutTests);
        notAffected = new TreeSet<>(notAffected);
    }

    /** The record a job writes before it runs anything. */
    public SliceRecord(Slice slice, SlicePlan plan, String reports, String timeline, String durations) {
        this(slice, plan, reports, timeline, durations, new TreeSet<>(), new TreeSet<>());
    }

    /** The same record after the run, with the classes that ran without a test and those not run as unaffected. */
    public SliceRecord afterRun(java.util.Collection<String> classesWithoutTests, java.util.Collection<String> unaffected) {
        return new SliceRecord(slice, plan, reports, timeline, durations, new TreeSet<>(classesWithoutTests),
                new TreeSet<>(unaffected));
    }

    /** The file name of an execution's record ({@code default-test} → {@code slice-plan-default-test.tsv}). */
    public static String fileName(String executionId) {
        return "slice-plan-" + executionId.replaceAll("[^A-Za-z0-9._-]", "_") + ".tsv";
    }

    /** The durations copy's name of an execution ({@code durations-default-test.tsv}). */
    public static String durationsName(String executionId) {
        return "durations-" + executionId.replaceAll("[^A-Za-z0-9._-]", "_") + ".tsv";
    }

    public String format() {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        text.append("slice\t").append(slice).append('\n');
        text.append("history\t").append(plan.historyHash()).append('\n');
        text.append("plan\t").append(plan.hash()).append('\n');
        text.append("reports\t").append(reports).append('\n');
        text.append("timeline\t").append(timeline).append('\n');
        text.append("durations\t").append(durations).append('\n');
        withoutTests.forEach(name -> text.append("no-tests\t").append(name).append('\n'));
        notAffected.forEach(name -> text.append("not-affected\t").append(name).append('\n'));
        plan.sliceOf().forEach((name, index) -> text.append(name).append('\t').append(index).append('\t')
                .append(plan.expectedMillis().getOrDefault(name, 0L)).append('\n'));
        return text.toString();
    }

    /** Writes the file through a temporary sibling, so that an artifact upload never takes half of it. */
    public void write(Path file) throws IOException {
        AtomicFiles.writeString(file, format());
    }

    /** Reads a record; a file that is not one fails naming the file and the line. */
    public static SliceRecord read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String slice = null;
        String history = null;
        String planHash = null;
        String reports = null;
        String timeline = "";
        String durations = null;
        SortedSet<String> withoutTests = new TreeSet<>();
        SortedSet<String> notAffected = new TreeSet<>();
        SortedMap<String, Integer> sliceOf = new TreeMap<>();
        SortedMap<String, Long> expected = new TreeMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            try {
                if (fields.length == 2) {
                    switch (fields[0]) {
                        case "slice" -> slice = fields[1];
                        case "history" -> history = fields[1];
                        case "plan" -> planHash = fields[1];
                        case "reports" -> reports = fields[1];
                        case "timeline" -> timeline = fields[1];
                        case "durations" -> durations = fields[1];
                        case "no-tests" -> withoutTests.add(fields[1]);
                        case "not-affected" -> notAffected.add(fields[1]);
                        default -> throw new IllegalArgumentException("unknown key " + fields[0]);
                    }
                } else if (fields.length == 3) {
                    sliceOf.put(fields[0], Integer.parseInt(fields[1]));
                    expected.put(fields[0], Long.parseLong(fields[2]));
                } else {
                    throw new IllegalArgumentException("expected 2 or 3 tab-separated fields");
                }
            } catch (IllegalArgumentException e) {
                throw new IOException(file + " line " + (i + 1) + " is not a slice plan line (" + e.getMessage()
                        + "): " + line, e);
            }
        }
        if (slice == null || history == null || reports == null || durations == null) {
            throw new IOException(file + " is not a complete slice plan: it lacks the slice, history, reports or"
                    + " durations line");
        }
        Slice parsed;
        SliceRecord record;
        try {
            parsed = Slice.parse(slice);
            record = new SliceRecord(parsed, new SlicePlan(parsed.count(), history, sliceOf, expected), reports,
                    timeline, durations, withoutTests, notAffected);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " is not a valid slice plan: " + e.getMessage(), e);
        }
        if (planHash != null && !planHash.equals(record.plan().hash())) {
            throw new IOException(file + " was changed after it was written: its plan hash " + planHash
                    + " is not its content's " + record.plan().hash());
        }
        return record;
    }
}
