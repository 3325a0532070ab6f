package io.distest.maven.slice;

import io.distest.maven.schedule.DurationHistory;
import io.distest.maven.timeline.RunModel;
import io.distest.maven.timeline.RunModelReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Checks one execution's slices as a pipeline's final job finds them (each job's build directory, downloaded as an
 * artifact) and merges them: every job computed the same plan, every slice ran once, every planned class has a
 * result in exactly one slice. Then one history and one timeline out of them.
 */
public final class SliceMerge {
    /** Past this many, further lines of one kind are counted, not listed. */
    static final int LISTED = 20;

    /**
     * One job's build directory and the record it left there.
     *
     * @param shown how the log names the directory (as the user gave it)
     */
    public record Job(Path target, String shown, SliceRecord record) {}

    /**
     * What the merge found.
     *
     * @param problems what does not add up, one entry per cause (naming classes and directories); empty: all is well
     * @param summary the one line that says it all added up (or what was checked, when it did not)
     * @param plan the plan of the first job
     * @param history the merged durations history
     * @param timeline the slices' runs as one, or {@code null} when no job left its {@code run.json}
     */
    public record Outcome(List<String> problems, String summary, SlicePlan plan, DurationHistory history,
            RunModel timeline) {
        public Outcome {
            problems = List.copyOf(problems);
        }
    }

    private SliceMerge() {}

    /**
     * @param execution the execution whose slices these are ({@code default-test})
     * @param jobs the jobs that left a record for it, in the order given
     * @param withoutRecord directories given that hold no record for it (as shown)
     * @param base the module's history as the merge job has it
     * @param title the merged timeline's title
     * @param warn what is worth a warning but no failure (an unreadable {@code run.json})
     */
    public static Outcome merge(String execution, List<Job> jobs, List<String> withoutRecord, DurationHistory base,
            String title, Consumer<String> warn) throws IOException {
        if (jobs.isEmpty()) {
            throw new IllegalArgumentException("no job left a slice plan for " + execution);
        }
        List<String> problems = new ArrayList<>();
        Job first = jobs.get(0);
        SlicePlan plan = first.record().plan();
        for (Job job : jobs.subList(1, jobs.size())) {
            List<String> differences = plan.differences(job.record().plan());
            if (!differences.isEmpty()) {
                problems.add("the slices disagree on the plan: " + describe(first) + " and " + describe(job)
                        + " differ in " + listed(differences) + " (every job must restore the same durations history"
                        + " and select the same classes)");
            }
        }
        for (String directory : withoutRecord) {
            problems.add(directory + " has no slice plan for " + execution + ": did its job run this module's tests?");
        }
        SortedMap<Integer, Job> bySlice = new TreeMap<>();
        for (Job job : jobs) {
            Job earlier = bySlice.putIfAbsent(job.record().slice().index(), job);
            if (earlier != null) {
                problems.add("slice " + job.record().slice() + " ran in two jobs: " + earlier.shown() + " and "
                        + job.shown());
            }
        }
        for (int index = 1; index <= plan.count(); index++) {
            if (!bySlice.containsKey(index)) {
                problems.add("no job ran slice " + index + "/" + plan.count() + " (no directory given holds its plan)");
            }
        }
        Map<String, List<Job>> ranIn = new LinkedHashMap<>();
        plan.sliceOf().keySet().forEach(name -> ranIn.put(name, new ArrayList<>()));
        for (Job job : jobs) {
            Set<String> reported = new java.util.HashSet<>(ReportedClasses.in(job.target().resolve(job.record().reports())));
            reported.addAll(job.record().withoutTests()); // a class without tests has no report, yet it ran
            reported.addAll(job.record().notAffected()); // nor has one no change could affect: it was accounted for
            ranIn.forEach((name, where) -> {
                if (reported.contains(name)) {
                    where.add(job);
                }
            });
        }
        List<String> missing = new ArrayList<>();
        List<String> twice = new ArrayList<>();
        ranIn.forEach((name, where) -> {
            if (where.isEmpty()) {
                missing.add(name + " (slice " + plan.sliceOf().get(name) + ")");
            } else if (where.size() > 1) {
                twice.add(name + " (" + String.join(", ", where.stream().map(SliceMerge::describe).toList()) + ")");
            }
        });
        if (!missing.isEmpty()) {
            problems.add(missing.size() + " of " + plan.sliceOf().size() + " selected classes have no result in any"
                    + " slice's reports: " + listed(missing));
        }
        if (!twice.isEmpty()) {
            problems.add(twice.size() + " of " + plan.sliceOf().size() + " selected classes ran in more than one slice: "
                    + listed(twice));
        }
        SortedMap<Integer, DurationHistory> durations = new TreeMap<>();
        SortedMap<Integer, RunModel> runs = new TreeMap<>();
        bySlice.forEach((index, job) -> {
            Path file = job.target().resolve(job.record().durations());
            try {
                if (Files.isRegularFile(file)) {
                    durations.put(index, DurationHistory.read(file));
                }
            } catch (IOException e) {
                warn.accept("cannot read " + file + " (" + e.getMessage() + "): slice " + index + "'s classes keep"
                        + " the durations the module's history had");
            }
            if (!job.record().timeline().isEmpty()) {
                Path json = job.target().resolve(job.record().timeline());
                try {
                    if (Files.isRegularFile(json)) {
                        runs.put(index, RunModelReader.read(Files.readString(json, StandardCharsets.UTF_8)));
                    }
                } catch (IOException | RuntimeException e) {
                    warn.accept("cannot read " + json + " (" + e.getMessage() + "): slice " + index
                            + " is missing from the merged timeline");
                }
            }
        });
        DurationHistory history = MergedHistory.of(base, plan, durations);
        RunModel timeline = runs.isEmpty() ? null : MergedTimeline.of(title, plan.count(), runs);
        return new Outcome(problems, summary(execution, plan, jobs.size(), runs), plan, history, timeline);
    }

    private static String summary(String execution, SlicePlan plan, int jobs, SortedMap<Integer, RunModel> runs) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s: %d of %d slices agree on plan %s"
                + " (history %s); each of %d classes ran in exactly one slice", execution, jobs, plan.count(),
                SlicePlanner.shortHash(plan.hash()), SlicePlanner.shortHash(plan.historyHash()),
                plan.sliceOf().size()));
        if (!runs.isEmpty()) {
            int slowest = runs.entrySet().stream()
                    .max(Map.Entry.<Integer, RunModel>comparingByValue((a, b) ->
                            Long.compare(a.summary().testMillis(), b.summary().testMillis())).thenComparing(
                            Map.Entry.comparingByKey((a, b) -> Integer.compare(b, a))))
                    .orElseThrow().getKey();
            long slowestMillis = runs.get(slowest).summary().testMillis();
            double mean = runs.values().stream().mapToLong(run -> run.summary().testMillis()).sum()
                    / (double) plan.count();
            line.append(String.format(Locale.ROOT, "; slowest slice %d/%d: %s of tests, %s on average (%+d %%)",
                    slowest, plan.count(), SliceShare.seconds(slowestMillis), SliceShare.seconds(Math.round(mean)),
                    mean <= 0 ? 0 : Math.round(100 * (slowestMillis - mean) / mean)));
        }
        return line.toString();
    }

    private static String describe(Job job) {
        return job.shown() + " (slice " + job.record().slice() + ")";
    }

    /** The first {@value #LISTED} items, and how many more. */
    private static String listed(List<String> items) {
        String shown = String.join(", ", items.subList(0, Math.min(LISTED, items.size())));
        return items.size() > LISTED ? shown + " and " + (items.size() - LISTED) + " more" : shown;
    }
}
