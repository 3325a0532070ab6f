package io.distest.maven;

import io.distest.maven.parameter.Parameters;
import io.distest.maven.schedule.DurationHistory;
import io.distest.maven.affected.AffectedTests;
import io.distest.maven.slice.MergedHistory;
import io.distest.maven.slice.SliceMerge;
import io.distest.maven.slice.SliceRecord;
import io.distest.maven.timeline.TimelineObserver;
import io.distest.maven.timeline.TimelinePage;
import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * A sliced pipeline's final job: reads the slices' build directories ({@code -Ddistest.slice} jobs' {@code target},
 * as CI artifacts are downloaded), fails naming the classes if the jobs disagree on the plan, if a selected class has
 * no result or ran twice; otherwise says so in one line, writes the merged durations history to the module's history
 * file and one timeline of the slices side by side.
 */
@Mojo(name = "merge", threadSafe = true)
public class MergeMojo extends AbstractMojo {

    /**
     * The slices' directories, comma-separated, relative to the directory Maven runs in: each a job's {@code target}
     * ({@code slices/1/target}), or, in a reactor, a job's copy of the project ({@code slices/1}) whose modules'
     * {@code target} directories are found by the module's path.
     */
    @Parameter(property = Parameters.MERGE, required = true)
    private List<String> merge;

    /** Where the merged durations history goes: the module's history file, as the test goals read it. */
    @Parameter(property = Parameters.HISTORY_FILE, defaultValue = Parameters.HISTORY_FILE_DEFAULT)
    private File historyFile;

    /** Write the merged timeline ({@code target/distest/timeline.html} and {@code run.json}). */
    @Parameter(property = Parameters.TIMELINE, defaultValue = Parameters.TIMELINE_DEFAULT)
    private boolean timeline;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        Path root = Path.of(session.getExecutionRootDirectory());
        Map<String, List<SliceMerge.Job>> jobsByRecord = new LinkedHashMap<>();
        Map<String, List<String>> withRecord = new LinkedHashMap<>();
        List<String> given = new ArrayList<>();
        for (String entry : merge) {
            if (entry == null || entry.isBlank()) {
                continue;
            }
            given.add(entry.trim());
            Path target = targetOf(root.resolve(entry.trim()));
            if (target == null) {
                continue;
            }
            for (Path file : records(target)) {
                String name = file.getFileName().toString();
                try {
                    jobsByRecord.computeIfAbsent(name, n -> new ArrayList<>())
                            .add(new SliceMerge.Job(target, entry.trim(), SliceRecord.read(file)));
                    withRecord.computeIfAbsent(name, n -> new ArrayList<>()).add(entry.trim());
                } catch (IOException e) {
                    throw new MojoExecutionException("distest merge: " + e.getMessage(), e);
                }
            }
        }
        if (given.isEmpty()) {
            throw new MojoExecutionException("distest merge needs the slices' directories: -Ddistest.merge="
                    + "slices/1/target,slices/2/target,… (each a -Ddistest.slice job's target directory)");
        }
        if (jobsByRecord.isEmpty()) {
            String message = "distest merge: no slice plan (target/distest/slice-plan-*.tsv) for " + project.getArtifactId()
                    + " in " + String.join(", ", given);
            if (session.getProjects().size() > 1) {
                getLog().info(message + "; nothing to merge here");
                return;
            }
            throw new MojoFailureException(message + ": give each -Ddistest.slice job's target directory");
        }
        DurationHistory restored;
        try {
            restored = DurationHistory.read(historyFile.toPath()); // read once: every execution merges onto it
        } catch (IOException e) {
            throw new MojoExecutionException("distest merge: cannot read " + historyFile + ": " + e.getMessage(), e);
        }
        List<String> failures = new ArrayList<>();
        Map<String, SliceMerge.Outcome> outcomes = new LinkedHashMap<>();
        for (Map.Entry<String, List<SliceMerge.Job>> entry : jobsByRecord.entrySet()) {
            String execution = executionOf(entry.getKey());
            List<String> without = given.stream().filter(g -> !withRecord.get(entry.getKey()).contains(g)).toList();
            SliceMerge.Outcome outcome;
            try {
                outcome = SliceMerge.merge(execution, entry.getValue(), without, restored,
                        project.getArtifactId() + " · " + execution, warning -> getLog().warn("distest merge: " + warning));
            } catch (IOException e) {
                throw new MojoExecutionException("distest merge: " + e.getMessage(), e);
            }
            if (!outcome.problems().isEmpty()) {
                failures.add(execution + ": the slices do not add up:\n  - " + String.join("\n  - ", outcome.problems()));
            }
            outcomes.put(execution, outcome);
        }
        if (!failures.isEmpty()) {
            throw new MojoFailureException("distest merge: " + String.join("\n", failures)
                    + "\nNothing was written: fix the pipeline (same history for every job, every job's directory"
                    + " given once) and merge again.");
        }
        write(outcomes);
        mergeAffectedRecords(jobsByRecord);
    }

    /** The execution a slice plan file is of ({@code slice-plan-default-test.tsv}: {@code default-test}). */
    private static String executionOf(String sliceRecordName) {
        return sliceRecordName.replaceFirst("^slice-plan-", "").replaceFirst("\\.tsv$", "");
    }

    /** The slices' distest.affected records (where they left some) made one, beside the merged history. */
    private void mergeAffectedRecords(Map<String, List<SliceMerge.Job>> jobsByRecord) throws MojoExecutionException {
        for (Map.Entry<String, List<SliceMerge.Job>> entry : jobsByRecord.entrySet()) {
            String execution = executionOf(entry.getKey());
            try {
                String merged = AffectedTests.mergeSliceRecords(entry.getValue().stream()
                        .map(job -> AffectedTests.sliceRecordsFile(job.target().resolve("distest"), execution)).toList(),
                        AffectedTests.recordsFile(historyFile.toPath(), execution));
                if (merged != null) {
                    getLog().info("distest merge: affected-test records: " + merged);
                }
            } catch (IOException e) {
                throw new MojoExecutionException("distest merge: cannot merge the affected-test records: "
                        + e.getMessage(), e);
            }
        }
    }

    private void write(Map<String, SliceMerge.Outcome> outcomes) throws MojoExecutionException {
        try {
            MergedHistory.combine(outcomes.values().stream()
                    .map(outcome -> Map.entry(outcome.plan(), outcome.history())).toList()).write(historyFile.toPath());
            for (Map.Entry<String, SliceMerge.Outcome> entry : outcomes.entrySet()) {
                String execution = entry.getKey();
                SliceMerge.Outcome outcome = entry.getValue();
                String line = "distest merge: " + outcome.summary() + "; history: " + historyFile;
                if (timeline && outcome.timeline() != null) {
                    Path directory = Path.of(project.getBuild().getDirectory(), "distest");
                    // as the slices named theirs, except that Failsafe's default execution keeps a name of its own
                    boolean unitTests = execution.equals("default-test") || execution.equals("default-cli");
                    Path page = TimelinePage.of(directory, unitTests ? null : execution.replaceFirst("^default-", ""));
                    TimelinePage.write(outcome.timeline(), page, TimelineObserver.jsonBeside(page), List.of());
                    line += "; timeline: " + page;
                }
                getLog().info(line);
            }
        } catch (IOException e) {
            throw new MojoExecutionException("distest merge: cannot write " + e.getMessage(), e);
        }
    }

    /**
     * The build directory of this module in a job's directory: {@code dir/<module path>/target}, else
     * {@code dir/<module path>}, else (in the top module) {@code dir} itself; {@code null} when none holds a record.
     */
    private Path targetOf(Path directory) {
        Path module = Path.of(session.getExecutionRootDirectory()).toAbsolutePath().normalize()
                .relativize(project.getBasedir().toPath().toAbsolutePath().normalize());
        String buildName = Path.of(project.getBuild().getDirectory()).getFileName().toString();
        List<Path> candidates = new ArrayList<>(List.of(directory.resolve(module).resolve(buildName),
                directory.resolve(module)));
        if (module.toString().isEmpty()) {
            candidates.add(directory);
        }
        return candidates.stream().map(Path::normalize).filter(c -> !records(c).isEmpty()).findFirst().orElse(null);
    }

    private static List<Path> records(Path target) {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(target.resolve("distest"), "slice-plan-*.tsv")) {
            stream.forEach(files::add);
        } catch (IOException e) {
            return List.of();
        }
        files.sort(null);
        return files;
    }
}
