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
        new UseRecords(now, builds, global, classes).write(recordsFile);
    }

    /** The classes left out, by name. */
    public List<String> notRun() {
        return selection.notRun();
    }
}
