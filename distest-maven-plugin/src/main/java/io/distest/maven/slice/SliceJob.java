package io.distest.maven.slice;

import io.distest.maven.schedule.DurationHistory;
import io.distest.maven.schedule.TestUnit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * One CI job's start of a sliced run: the plan from the history as the job restored it, and the record the merge job
 * reads, written before anything runs (a job that dies mid-run still tells the merge which slice it was).
 *
 * @param buildDirectory the module's {@code target}: the record names everything else relative to it, so that the
 *     merge finds it wherever the CI downloads that directory
 * @param executionId names the record and the durations file ({@code default-test}, Failsafe's {@code default})
 */
public record SliceJob(Path buildDirectory, String executionId) {

    /**
     * This job's share, its record written to {@code target/distest/slice-plan-<execution>.tsv}.
     *
     * @param historyFile the durations history to plan with; {@code null} plans without ({@code distest.history=false})
     * @param reports where this execution's {@code TEST-*.xml} go
     * @param runJson the run's {@code run.json}; {@code null} with the timeline off
     * @throws IOException naming the file that cannot be read or written
     */
    public SliceShare start(Slice slice, List<TestUnit> units, Path historyFile, Path reports, Path runJson)
            throws IOException {
        DurationHistory history = DurationHistory.empty();
        Optional<LocalDate> written = Optional.empty();
        if (historyFile != null) {
            try {
                history = DurationHistory.read(historyFile);
                if (!history.isEmpty()) {
                    written = Optional.of(LocalDate.ofInstant(Files.getLastModifiedTime(historyFile).toInstant(),
                            ZoneOffset.UTC));
                }
            } catch (IOException | UncheckedIOException e) {
                throw new IOException("cannot read the durations history " + historyFile + " that every slice must"
                        + " plan with (" + e.getMessage() + "); fix or delete it in every job", e);
            }
        }
        SliceShare share = SliceShare.of(slice, units, history, written);
        Path build = buildDirectory.toAbsolutePath().normalize();
        new SliceRecord(slice, share.plan(), relative(build, reports), runJson == null ? "" : relative(build, runJson),
                "distest/" + SliceRecord.durationsName(executionId))
                .write(build.resolve("distest").resolve(SliceRecord.fileName(executionId)));
        return share;
    }

    /**
     * Adds to this job's record the classes that ran without a test and those {@code distest.affected} left out
     * (after the run, whatever its verdict).
     */
    public void finish(java.util.Collection<String> classesWithoutTests, java.util.Collection<String> notAffected)
            throws IOException {
        Path file = buildDirectory.toAbsolutePath().normalize().resolve("distest").resolve(SliceRecord.fileName(executionId));
        SliceRecord.read(file).afterRun(classesWithoutTests, notAffected).write(file);
    }

    /** Where this job leaves the durations history as its run leaves it, for the merge. */
    public Path durationsFile() {
        return buildDirectory.resolve("distest").resolve(SliceRecord.durationsName(executionId));
    }

    /** {@code path} relative to {@code directory} with forward slashes when below it, else absolute. */
    private static String relative(Path directory, Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(directory) ? directory.relativize(absolute).toString().replace('\\', '/')
                : absolute.toString();
    }
}
