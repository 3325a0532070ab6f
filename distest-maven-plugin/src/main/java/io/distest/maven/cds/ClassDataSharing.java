package io.distest.maven.cds;

import io.distest.shared.cds.Archives;
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
    private static final Pattern JUNIT_JAR = Pattern.compile(
            "(junit-platform-.*|junit-jupiter.*|junit-vintage-engine.*|opentest4j.*|apiguardian-api.*)\\.jar");

    private final Optional<Archives> archives;
    /** Per class path: its archived jars and the rest, decided once per run. */
    private final Map<List<Path>, Layout> layouts = new ConcurrentHashMap<>();

    private ClassDataSharing(Optional<Archives> archives) {
        this.archives = archives;
    }

    /** With this user's private cache; without sharing if it cannot be had. */
    public static ClassDataSharing ofThisUser() {
        return new ClassDataSharing(Archives.ofThisUser());
    }

    /** With the cache at {@code directory} (tests). */
    public static ClassDataSharing at(Path directory) {
        return new ClassDataSharing(Archives.at(directory));
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
        if (archives.isEmpty() || Archives.chooseTheirOwn(jvmArgs)) {
            return new WorkerStart(usual, List.of(), null);
        }
        try {
            Layout layout = layout(testClasspath, localRepository);
            List<Path> archived = new ArrayList<>(List.of(archives.get().cache().stableCopy(workerJar)));
            archived.addAll(layout.archived());
            List<String> classpath = new ArrayList<>(archived.stream().map(Path::toString).toList());
            layout.rest().forEach(entry -> classpath.add(entry.toString()));
            List<String> added = archives.get().jvmArgs(java, archived, jvmArgs, layout.allJars());
            List<String> property = new ArrayList<>(testClasspath.stream().map(Path::toString).toList());
            property.add(archived.get(0).toString());
            return new WorkerStart(classpath, added, String.join(File.pathSeparator, property));
        } catch (IOException | RuntimeException e) {
            return new WorkerStart(usual, List.of(), null); // a worker that starts cold still starts
        }
    }

    /** The class path's layout, decided once per run (see {@link Layout}). */
    private Layout layout(List<Path> testClasspath, Path localRepository) {
        return layouts.computeIfAbsent(testClasspath, cp -> Layout.of(cp, localRepository));
    }

    /** Completes when the trainers started so far have ended (tests; a build never waits for them). */
    public static CompletableFuture<Void> trainersEnded() {
        return Archives.trainersEnded();
    }

    public static boolean isJUnitJar(Path entry) {
        return JUNIT_JAR.matcher(entry.getFileName().toString()).matches() && entry.toFile().isFile();
    }

    /**
     * Which jars of a test class path may come first on a worker's class path, to be archived: a local worker's here,
     * a far worker's named to its server ({@code RemoteGateway}), which archives them on its own side.
     *
     * @param archived the class path's jars that go first, in their order
     * @param rest the others, in their order
     * @param allJars whether {@code archived} is every released jar (else the JUnit ones)
     */
    public record Layout(List<Path> archived, List<Path> rest, boolean allJars) {
        public static Layout of(List<Path> testClasspath, Path localRepository) {
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
