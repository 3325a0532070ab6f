package io.distest.maven.cds;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * Local workers that start warm: the worker's own classes and the JUnit Platform's are mapped from a class data
 * sharing archive (JDK 13+ dynamic archives) instead of being loaded and verified by every worker JVM. An archive
 * holds classes of jars only and is valid for a class path that begins with the jars it was made from, so those
 * jars (the worker jar and the project's JUnit Platform, Jupiter, Vintage, opentest4j and apiguardian jars) come
 * first on the worker's class path; nothing of the project's can be shadowed by them, as they hold only their own
 * packages. {@code java.class.path} is set back to the usual order before a test runs. A run whose archive is not
 * made yet starts a trainer for the next run. A run whose JVM options set {@code -Xshare} or a shared archive of
 * their own is left alone.
 */
public final class ClassDataSharing {
    /** The archive is the JVM's to check; if it refuses one, it runs without, quietly. */
    static final List<String> QUIET = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    private static final Pattern ARCHIVED_JAR = Pattern.compile(
            "(junit-platform-.*|junit-jupiter.*|junit-vintage-engine.*|opentest4j.*|apiguardian-api.*)\\.jar");
    private static final Pattern LAYOUT_OPTION = Pattern.compile("-XX:.*|-Xm[sx].*");
    private static final Pattern OWN_SHARING = Pattern.compile(
            "-Xshare:.*|-XX:SharedArchiveFile=.*|-XX:ArchiveClassesAtExit=.*|-XX:[+-]AutoCreateSharedArchive|-XX:SharedClassListFile=.*");

    private final Optional<CdsCache> cache;

    private ClassDataSharing(Optional<CdsCache> cache) {
        this.cache = cache;
    }

    /** With this user's private cache; without sharing if it cannot be had. */
    public static ClassDataSharing ofThisUser() {
        return new ClassDataSharing(CdsCache.ofThisUser());
    }

    /** With the cache at {@code directory} (tests). */
    public static ClassDataSharing at(Path directory) {
        return new ClassDataSharing(CdsCache.at(directory));
    }

    /** Never: the class path as given, the worker jar last. */
    public static ClassDataSharing off() {
        return new ClassDataSharing(Optional.empty());
    }

    /**
     * @param java the worker's java executable
     * @param jvmArgs the worker's other JVM arguments
     */
    public WorkerStart workerStart(String java, List<Path> testClasspath, Path workerJar, List<String> jvmArgs) {
        List<String> usual = new ArrayList<>(testClasspath.stream().map(Path::toString).toList());
        usual.add(workerJar.toString());
        if (cache.isEmpty() || jvmArgs.stream().anyMatch(arg -> OWN_SHARING.matcher(arg).matches())) {
            return new WorkerStart(usual, List.of(), null);
        }
        try {
            List<Path> archived = new ArrayList<>(List.of(cache.get().stableCopy(workerJar)));
            List<Path> rest = new ArrayList<>();
            for (Path entry : testClasspath) {
                (isArchivable(entry) ? archived : rest).add(entry);
            }
            List<String> layout = jvmArgs.stream().filter(arg -> LAYOUT_OPTION.matcher(arg).matches()).toList();
            String key = ArchiveKey.of(javaHome(java), archived, layout);
            List<String> classpath = new ArrayList<>(archived.stream().map(Path::toString).toList());
            rest.forEach(entry -> classpath.add(entry.toString()));
            List<String> added = new ArrayList<>(QUIET);
            Optional<Path> archive = cache.get().usableArchive(key);
            if (archive.isPresent()) {
                added.add("-XX:SharedArchiveFile=" + archive.get());
            } else {
                cache.get().tidy();
                Trainer.startIfIdle(cache.get(), key, java, archived, layout);
            }
            List<String> property = new ArrayList<>(testClasspath.stream().map(Path::toString).toList());
            property.add(archived.get(0).toString());
            return new WorkerStart(classpath, added, String.join(File.pathSeparator, property));
        } catch (IOException | RuntimeException e) {
            return new WorkerStart(usual, List.of(), null); // a worker that starts cold still starts
        }
    }

    /** Completes when the trainers started so far have ended (tests; a build never waits for them). */
    public static CompletableFuture<Void> trainersEnded() {
        return Trainer.allEnded();
    }

    static boolean isArchivable(Path entry) {
        return ARCHIVED_JAR.matcher(entry.getFileName().toString()).matches() && entry.toFile().isFile();
    }

    /** The JDK of {@code java} ({@code JDK/bin/java}, links resolved). */
    private static Path javaHome(String java) throws IOException {
        return Path.of(java).toRealPath().getParent().getParent();
    }
}
