package io.distest.maven.cds;

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
 * Local workers that start warm: the classes of the worker jar and of the project's jars are mapped from a class
 * data sharing archive (a JDK dynamic archive) instead of being loaded and verified by every worker JVM; a Spring
 * application's context starts about a third sooner. An archive holds classes of jars only and is valid for a
 * class path that begins with the jars it was made from, so those jars come first on the worker's class path
 * ({@code java.class.path} is set back to the usual order before a test runs):
 * <ul>
 * <li>every released jar of the local repository (not a snapshot, not a jar of the reactor: those change from
 *     build to build), when none holds a file of the same name as the entries it moves before (see
 *     {@link Shadowing}): then no name resolves differently. The archive is made from the classes a worker loaded:
 *     the first run records them ({@code -XX:DumpLoadedClassList}, one worker), the next trains, the ones after
 *     use it;</li>
 * <li>otherwise only the worker jar and the JUnit Platform's (Platform, Jupiter, Vintage, opentest4j, apiguardian),
 *     which hold nothing but their own packages; the first run trains.</li>
 * </ul>
 * A run whose JVM options set {@code -Xshare} or a shared archive of their own is left alone.
 */
public final class ClassDataSharing {
    /** The archive is the JVM's to check; if it refuses one, it runs without, quietly. */
    static final List<String> QUIET = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    private static final Pattern JUNIT_JAR = Pattern.compile(
            "(junit-platform-.*|junit-jupiter.*|junit-vintage-engine.*|opentest4j.*|apiguardian-api.*)\\.jar");
    private static final Pattern LAYOUT_OPTION = Pattern.compile("-XX:.*|-Xm[sx].*");
    private static final Pattern OWN_SHARING = Pattern.compile("-Xshare:.*|-XX:SharedArchiveFile=.*"
            + "|-XX:ArchiveClassesAtExit=.*|-XX:[+-]AutoCreateSharedArchive|-XX:SharedClassListFile=.*"
            + "|-XX:DumpLoadedClassList=.*");

    private final Optional<CdsCache> cache;
    /** Per class path: its archived jars and the rest, decided once per run. */
    private final Map<List<Path>, Layout> layouts = new ConcurrentHashMap<>();
    /** The archives a worker of this run records the classes for: one worker each. */
    private final Map<String, Boolean> recording = new ConcurrentHashMap<>();

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

    /**
     * @param java the worker's java executable
     * @param jvmArgs the worker's other JVM arguments
     * @param localRepository where released jars stay put from build to build
     */
    public WorkerStart workerStart(String java, List<Path> testClasspath, Path workerJar, List<String> jvmArgs,
            Path localRepository) {
        List<String> usual = new ArrayList<>(testClasspath.stream().map(Path::toString).toList());
        usual.add(workerJar.toString());
        if (cache.isEmpty() || jvmArgs.stream().anyMatch(arg -> OWN_SHARING.matcher(arg).matches())) {
            return new WorkerStart(usual, List.of(), null);
        }
        try {
            CdsCache files = cache.get();
            Layout layout = layouts.computeIfAbsent(testClasspath, cp -> Layout.of(cp, localRepository));
            List<Path> archived = new ArrayList<>(List.of(files.stableCopy(workerJar)));
            archived.addAll(layout.archived());
            List<String> options = jvmArgs.stream().filter(arg -> LAYOUT_OPTION.matcher(arg).matches()).toList();
            String key = ArchiveKey.of(javaHome(java), archived, options);
            List<String> classpath = new ArrayList<>(archived.stream().map(Path::toString).toList());
            layout.rest().forEach(entry -> classpath.add(entry.toString()));
            List<String> added = new ArrayList<>(QUIET);
            Optional<Path> archive = files.usableArchive(key);
            if (archive.isPresent()) {
                added.add("-XX:SharedArchiveFile=" + archive.get());
            } else if (recording.containsKey(key)) {
                // this run records the classes, the next trains, the ones after use the archive
            } else if (!layout.allJars()) {
                files.tidy();
                Trainer.startIfIdle(files, key, java, archived, options, null);
            } else if (Files.isRegularFile(files.classList(key))) {
                files.tidy();
                Trainer.startIfIdle(files, key, java, archived, options, files.classList(key));
            } else if (recording.putIfAbsent(key, true) == null) {
                added.add("-XX:DumpLoadedClassList=" + files.classList(key));
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

    static boolean isJUnitJar(Path entry) {
        return JUNIT_JAR.matcher(entry.getFileName().toString()).matches() && entry.toFile().isFile();
    }

    /** The JDK of {@code java} ({@code JDK/bin/java}, links resolved). */
    private static Path javaHome(String java) throws IOException {
        return Path.of(java).toRealPath().getParent().getParent();
    }

    /**
     * @param archived the class path's jars that go first, in their order
     * @param rest the others, in their order
     * @param allJars whether {@code archived} is every released jar (else the JUnit ones)
     */
    private record Layout(List<Path> archived, List<Path> rest, boolean allJars) {
        static Layout of(List<Path> testClasspath, Path localRepository) {
            Path repository = localRepository == null ? null : localRepository.toAbsolutePath().normalize();
            List<Path> released = new ArrayList<>();
            List<Path> others = new ArrayList<>();
            for (Path entry : testClasspath) {
                Path absolute = entry.toAbsolutePath().normalize();
                boolean stays = repository != null && absolute.startsWith(repository) && Files.isRegularFile(entry)
                        && !absolute.toString().contains("-SNAPSHOT");
                (stays ? released : others).add(entry);
            }
            String shared;
            try {
                shared = Shadowing.sharedName(others, released);
            } catch (IOException | RuntimeException e) {
                shared = e.toString();
            }
            if (shared == null && !released.isEmpty()) {
                return new Layout(released, others, true);
            }
            List<Path> junit = new ArrayList<>();
            List<Path> rest = new ArrayList<>();
            for (Path entry : testClasspath) {
                (isJUnitJar(entry) ? junit : rest).add(entry);
            }
            return new Layout(junit, rest, false);
        }
    }
}
