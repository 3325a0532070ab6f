package io.distest.maven.affected;

import io.distest.maven.parameter.Parameters;
import io.distest.maven.report.RunObserver;
import io.distest.maven.schedule.TestUnit;
import io.distest.shared.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import org.apache.maven.plugin.logging.Log;

/**
 * {@code distest.affected}: before the run, leaves out the test classes no change can affect; during it, hears what
 * each class used; after it, writes the records for the next build and {@code affected.txt} for this one.
 */
public final class AffectedTests {
    private final Path recordsFile;
    private final Path listingFile;
    private final GlobalInputs global;
    private final ContentHashes content;
    private final int fullRunEvery;
    private final Log log;
    private final LongSupplier clock;
    private final UseRecorder recorder = new UseRecorder();
    private UseRecords before;
    private AffectedSelection selection;
    private Path sliceCopy;

    /**
     * @param recordsFile the records ({@code .distest/affected.tsv})
     * @param listingFile where every class's run or not-run and why goes ({@code target/distest/affected.txt})
     * @param global what every class depends on ({@link #globalInputs})
     * @param classpath the test class path: its directories hold what a class can depend on one by one
     * @param module the module directory, below which the files the tests opened are
     * @param fullRunEvery every this many builds everything runs ({@code distest.affected.fullRunEvery}); 0: never
     */
    public AffectedTests(Path recordsFile, Path listingFile, GlobalInputs global, List<Path> classpath, Path module,
            int fullRunEvery, Log log, LongSupplier clock) {
        if (fullRunEvery < 0) {
            throw new IllegalArgumentException(Parameters.AFFECTED_FULL_RUN_EVERY + "=" + fullRunEvery + " is not a number of"
                    + " builds: give 0 (never run everything because of the count) or N >= 1 (every N-th build)");
        }
        this.recordsFile = recordsFile;
        this.listingFile = listingFile;
        this.global = global;
        this.content = new ContentHashes(classpath, module);
        this.fullRunEvery = fullRunEvery;
        this.log = log;
        this.clock = clock;
    }

    /**
     * The records file of an execution beside the durations history: {@code affected.tsv} for Surefire's
     * {@code default-test}, {@code affected-<execution>.tsv} for the others.
     */
    public static Path recordsFile(Path historyFile, String executionId) {
        return historyFile.resolveSibling("affected" + suffix(executionId) + ".tsv");
    }

    /** Where {@code affected.txt} goes for an execution, in the build's distest directory. */
    public static Path listingFile(Path workDirectory, String executionId) {
        return workDirectory.resolve("affected" + suffix(executionId) + ".txt");
    }

    /** The records a slice job leaves in its build directory for the merge goal. */
    public static Path sliceRecordsFile(Path workDirectory, String executionId) {
        return workDirectory.resolve("affected-slice-" + fileNamePart(executionId) + ".tsv");
    }

    private static String suffix(String executionId) {
        return "default-test".equals(executionId) ? "" : "-" + fileNamePart(executionId);
    }

    private static String fileNamePart(String executionId) {
        return executionId.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /**
     * The merge goal's part: the slice jobs' records made one, written to {@code to}. Records made under other global
     * inputs than the newest job's are dropped (they would be forgotten anyway); of a class in several jobs the one
     * that ran last wins; a damaged copy is left out (its classes run next time). Returns what it did in words, or
     * {@code null} when no job left records.
     */
    public static String mergeSliceRecords(List<Path> copies, Path to) throws IOException {
        List<UseRecords> jobs = new java.util.ArrayList<>();
        List<String> damaged = new java.util.ArrayList<>();
        for (Path copy : copies) {
            if (Files.isRegularFile(copy)) {
                try {
                    jobs.add(UseRecords.read(copy));
                } catch (IOException e) {
                    damaged.add(e.getMessage());
                }
            }
        }
        if (jobs.isEmpty()) {
            return null;
        }
        UseRecords newest = jobs.stream().max(java.util.Comparator.comparingLong(UseRecords::builtMillis)).get();
        Map<String, UseRecords.ClassRecord> classes = new LinkedHashMap<>();
        int builds = Integer.MAX_VALUE;
        for (UseRecords job : jobs) {
            if (!job.global().equals(newest.global())) {
                continue;
            }
            builds = Math.min(builds, job.buildsSinceFullRun());
            job.classes().forEach((name, record) -> classes.merge(name, record,
                    (a, b) -> a.lastRunMillis() >= b.lastRunMillis() ? a : b));
        }
        Files.createDirectories(to.toAbsolutePath().getParent());
        new UseRecords(newest.builtMillis(), builds, newest.global(), classes).write(to);
        return classes.size() + " test classes' records from " + jobs.size() + " slice"
                + (jobs.size() == 1 ? "" : "s") + " in " + to
                + (damaged.isEmpty() ? "" : "; left out, damaged: " + String.join("; ", damaged));
    }

    /** A slice job also leaves its records in {@code copy}, below the build directory, for the merge goal. */
    public void alsoWriteTo(Path copy) {
        this.sliceCopy = copy;
    }

    /** A collector of the global inputs, for the mojo to fill. */
    public static GlobalInputs.Builder globalInputs() {
        return new GlobalInputs.Builder();
    }

    /**
     * The units to run: every unit of an affected class, in the order given; logs one line saying how many are left
     * out and why (or why everything runs).
     *
     * @param partial classes the build narrows to some of their methods
     */
    public List<TestUnit> select(List<TestUnit> units, Set<String> partial) throws IOException {
        String everything = null;
        try {
            before = UseRecords.read(recordsFile);
            everything = global.changeSince(before.global()).map(change -> "affected: " + change).orElse(null);
            if (everything == null && fullRunEvery > 0 && before.buildsSinceFullRun() + 1 >= fullRunEvery) {
                everything = Parameters.AFFECTED_FULL_RUN_EVERY + "=" + fullRunEvery + ": this build runs everything";
            }
        } catch (NoSuchFileException e) {
            everything = "affected: no record of an earlier run in " + recordsFile;
        } catch (IOException e) {
            everything = "affected: the records cannot be read: " + e.getMessage();
        }
        try {
            selection = everything != null ? AffectedSelection.everything(units, everything)
                    : AffectedSelection.of(units, before, content, partial);
        } catch (UncheckedIOException e) {
            selection = AffectedSelection.everything(units, "affected: " + e.getMessage());
        }
        log.info(selection.logLine());
        Files.createDirectories(listingFile.toAbsolutePath().getParent());
        AtomicFiles.writeString(listingFile, selection.listing());
        return selection.toRun();
    }

    /**
     * Deletes what an earlier build reported of the classes left out ({@code TEST-<class>*.xml}, {@code <class>.txt},
     * {@code <class>-output.txt}): a report in the reports directory claims a result of this build.
     */
    public void removeEarlierReports(Path reportsDirectory) throws IOException {
        if (!Files.isDirectory(reportsDirectory)) {
            return;
        }
        Set<String> notRun = Set.copyOf(selection.notRun());
        try (var files = Files.list(reportsDirectory)) {
            for (Path file : files.toList()) {
                if (reportOfOneOf(file.getFileName().toString(), notRun)) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    static boolean reportOfOneOf(String fileName, Set<String> classes) {
        String name = fileName.startsWith("TEST-") && fileName.endsWith(".xml") ? fileName.substring(5, fileName.length() - 4)
                : fileName.endsWith(".txt") ? fileName.substring(0, fileName.length() - 4) : null;
        if (name == null) {
            return false;
        }
        int dash = name.indexOf('-'); // a suffix: -output, the reportNameSuffix, a dist=each group (class names hold none)
        return classes.contains(dash < 0 ? name : name.substring(0, dash));
    }

    /** Hears the run: add it to the run's observers. */
    public RunObserver recorder() {
        return recorder;
    }

    /**
     * Writes the records the next build selects with: the classes that ran, with this run's verdict and what they
     * used; the ones left out, as they were; classes no longer selected, as they were (another selection may run
     * them again).
     */
    public void finish() throws IOException {
        long now = clock.getAsLong();
        Map<String, UseRecords.ClassRecord> classes = new LinkedHashMap<>();
        if (before != null && global.equals(before.global())) { // records made under other inputs are not kept
            classes.putAll(before.classes());
        }
        Map<String, Set<Dependency>> passed = recorder.passed();
        for (String className : recorder.ran()) {
            Set<Dependency> used = passed.get(className);
            SortedMap<Dependency, String> hashes = new TreeMap<>();
            if (used != null) {
                used.forEach(dependency -> hashes.put(dependency, content.of(dependency)));
            }
            classes.put(className, new UseRecords.ClassRecord(className, used != null, now, hashes));
        }
        int builds = selection.everything() != null ? 0 : before.buildsSinceFullRun() + 1;
        UseRecords records = new UseRecords(now, builds, global, classes);
        records.write(recordsFile);
        if (sliceCopy != null) {
            records.write(sliceCopy);
        }
    }

    /** The classes left out, by name. */
    public List<String> notRun() {
        return selection.notRun();
    }
}
