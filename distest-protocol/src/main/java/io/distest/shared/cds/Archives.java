package io.distest.shared.cds;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Which class data sharing archive a worker JVM maps, and how the next one is made, for a worker whose class path
 * begins with jars that never change at their paths. Used where workers start: the build machine (popen workers) and
 * a worker server (ssh, socket, exec workers), each with a private cache of its own.
 * <ul>
 * <li>an archive for these jars, this JVM and these layout options is in the cache: the worker maps it;</li>
 * <li>otherwise a trainer makes it beside the run, at the lowest priority (from the warm-up alone, or, where the
 *     archive is to hold what a worker really loaded, from the class list one worker of an earlier run recorded);</li>
 * <li>where such a list is still missing, one worker of this run records it.</li>
 * </ul>
 */
public final class Archives {
    /** The archive is the JVM's to check; if it refuses one, it runs without, quietly. */
    static final List<String> QUIET = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    private static final Pattern LAYOUT_OPTION = Pattern.compile("-XX:.*|-Xm[sx].*");
    private static final Pattern OWN_SHARING = Pattern.compile("-Xshare:.*|-XX:SharedArchiveFile=.*"
            + "|-XX:ArchiveClassesAtExit=.*|-XX:[+-]AutoCreateSharedArchive|-XX:SharedClassListFile=.*"
            + "|-XX:DumpLoadedClassList=.*");

    private final CdsCache cache;
    /** The archives a worker of this run (or this server) records the classes for: one worker each. */
    private final Map<String, Boolean> recording = new ConcurrentHashMap<>();

    private Archives(CdsCache cache) {
        this.cache = cache;
    }

    /** With this user's private cache ({@code ~/.cache/distest/cds}), or empty if it cannot be made private. */
    public static Optional<Archives> ofThisUser() {
        return CdsCache.ofThisUser().map(Archives::new);
    }

    /** With the private cache at {@code directory}, or empty (no sharing) if no one else could be kept out of it. */
    public static Optional<Archives> at(Path directory) {
        return CdsCache.at(directory).map(Archives::new);
    }

    /** Whether the JVM options choose class data sharing of their own: then distest leaves sharing alone. */
    public static boolean chooseTheirOwn(List<String> jvmArgs) {
        return jvmArgs.stream().anyMatch(arg -> OWN_SHARING.matcher(arg).matches());
    }

    public CdsCache cache() {
        return cache;
    }

    /**
     * @param java the worker's java executable (a name is looked up on {@code PATH}, as a process start does)
     * @param archived the jars that come first on the worker's class path, in order; they never change at their paths
     * @param jvmArgs the worker's other JVM options (those that change an archive's layout are part of its key)
     * @param fromLoadedClasses whether the archive is made from the classes a worker loaded (the project's libraries
     *     too) rather than from the worker's warm-up alone
     * @return what to add to the worker's JVM options
     */
    public List<String> jvmArgs(String java, List<Path> archived, List<String> jvmArgs, boolean fromLoadedClasses)
            throws IOException {
        List<String> options = jvmArgs.stream().filter(arg -> LAYOUT_OPTION.matcher(arg).matches()).toList();
        String key = ArchiveKey.of(javaHome(java), archived, options);
        cache.using(key, archived);
        List<String> added = new ArrayList<>(QUIET);
        Optional<Path> archive = cache.usableArchive(key);
        if (archive.isPresent()) {
            added.add("-XX:SharedArchiveFile=" + archive.get());
        } else if (recording.containsKey(key)) {
            // this run records the classes, the next trains, the ones after use the archive
        } else if (!fromLoadedClasses) {
            cache.tidy();
            Trainer.startIfIdle(cache, key, java, archived, options, null);
        } else if (Files.isRegularFile(cache.classList(key))) {
            cache.tidy();
            Trainer.startIfIdle(cache, key, java, archived, options, cache.classList(key));
        } else if (recording.putIfAbsent(key, true) == null) {
            added.add("-XX:DumpLoadedClassList=" + cache.classList(key));
        }
        return added;
    }

    /** Completes when the trainers started so far have ended (tests; a build never waits for them). */
    public static CompletableFuture<Void> trainersEnded() {
        return Trainer.allEnded();
    }

    /** The JDK of {@code java} ({@code JDK/bin/java}, links resolved; a bare name found on {@code PATH}). */
    static Path javaHome(String java) throws IOException {
        Path executable = Path.of(java);
        if (!java.contains(File.separator)) {
            String path = System.getenv("PATH");
            executable = null;
            for (String directory : path == null ? new String[0] : path.split(File.pathSeparator)) {
                Path candidate = Path.of(directory.isEmpty() ? "." : directory, java);
                if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                    executable = candidate;
                    break;
                }
            }
            if (executable == null) {
                throw new IOException(java + " is not on PATH");
            }
        }
        return executable.toRealPath().getParent().getParent();
    }
}
