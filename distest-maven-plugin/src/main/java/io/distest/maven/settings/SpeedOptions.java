package io.distest.maven.settings;

import io.distest.shared.NameGlob;
import java.nio.file.Path;
import java.util.List;

/**
 * How a run is planned for speed: the durations history, and whether long classes may be split by method.
 *
 * @param historyFile the durations file ({@code .distest/durations.tsv} of the module by default)
 * @param history whether the file is read before the run and updated after it
 * @param splitClasses {@code false}: never split a class ({@code distest.splitClasses=never})
 * @param noSplit class-name patterns never split ({@code *} any characters, {@code ?} one); a pattern without a
 *     dot matches the simple name
 * @param testClassesDirectory a class in the history whose class file is no longer here is forgotten; {@code null}:
 *     keep every class
 * @param minTestSecondsPerWorker with a history that knows every selected class, a {@code dist=load} run starts only
 *     as many workers as get this many expected test seconds each (at least one); 0 starts every worker
 *     ({@code distest.minTestSecondsPerWorker})
 * @param sliceDurationsFile a sliced run ({@code distest.slice}) also writes the history as this run leaves it here,
 *     below {@code target}, for the merge goal (even with {@code distest.history=read}); {@code null}: not sliced
 */
public record SpeedOptions(Path historyFile, History history, boolean splitClasses, List<String> noSplit,
        Path testClassesDirectory, double minTestSecondsPerWorker, Path sliceDurationsFile) {

    /** What a run does with the history file. */
    public enum History {
        /** Plan with it and update it after the run (the default). */
        USE,
        /** Plan with it but leave it as it is: a committed file on a CI machine. */
        READ_ONLY,
        /** Neither: every run plans as a first one. */
        OFF
    }

    /** No history, splitting allowed (it never happens without history). */
    public static final SpeedOptions NONE = new SpeedOptions(null, History.OFF, true, List.of(), null);

    public SpeedOptions {
        if (history != History.OFF && historyFile == null) {
            throw new IllegalArgumentException("a history file is needed unless history is OFF");
        }
        if (!(minTestSecondsPerWorker >= 0) || Double.isInfinite(minTestSecondsPerWorker)) {
            throw new IllegalArgumentException("distest.minTestSecondsPerWorker must be a number of seconds >= 0"
                    + " (0 starts every worker), got " + minTestSecondsPerWorker);
        }
        noSplit = List.copyOf(noSplit);
    }

    /** Options of a run that is not a slice. */
    public SpeedOptions(Path historyFile, History history, boolean splitClasses, List<String> noSplit,
            Path testClassesDirectory, double minTestSecondsPerWorker) {
        this(historyFile, history, splitClasses, noSplit, testClassesDirectory, minTestSecondsPerWorker, null);
    }

    /** The same options for a slice that leaves its history in {@code file} for the merge. */
    public SpeedOptions withSliceDurationsFile(Path file) {
        return new SpeedOptions(historyFile, history, splitClasses, noSplit, testClassesDirectory,
                minTestSecondsPerWorker, file);
    }

    /** Options that start every requested worker, whatever the history says. */
    public SpeedOptions(Path historyFile, History history, boolean splitClasses, List<String> noSplit,
            Path testClassesDirectory) {
        this(historyFile, history, splitClasses, noSplit, testClassesDirectory, 0);
    }

    /** Whether {@code noSplit} names the class. */
    public boolean optedOut(String className) {
        String simpleName = className.substring(className.lastIndexOf('.') + 1);
        for (String pattern : noSplit) {
            String trimmed = pattern.trim();
            if (!trimmed.isEmpty() && NameGlob.compile(trimmed).matcher(trimmed.contains(".") ? className : simpleName).matches()) {
                return true;
            }
        }
        return false;
    }
}
