package io.distest.maven.cds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distest.maven.run.RunHarness;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataSharingTest {
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path temp;
    private Path cache;
    private Path classes;
    private Path library;
    private List<Path> junitJars;

    @BeforeEach
    void project() throws Exception {
        cache = temp.resolve("cache");
        classes = Files.createDirectories(temp.resolve("target/test-classes"));
        Files.writeString(classes.resolve("Some.class"), "not empty: an archive cannot be made from it");
        library = Files.writeString(temp.resolve("library-1.0.jar"), "a project's jar");
        // copies, so that a test may change one without touching the local repository
        junitJars = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path jar = Path.of(entry);
            if (ClassDataSharing.isArchivable(jar)) {
                Path copy = Files.createDirectories(temp.resolve("repo").resolve(String.valueOf(junitJars.size())))
                        .resolve(jar.getFileName());
                junitJars.add(Files.copy(jar, copy));
            }
        }
        assertTrue(junitJars.size() >= 4, "the JUnit Platform jars of this module's tests: " + junitJars);
    }

    private List<Path> testClasspath() {
        List<Path> classpath = new ArrayList<>(List.of(classes, library));
        classpath.addAll(junitJars);
        return classpath;
    }

    @Test
    void theWorkerAndJUnitJarsComeFirstWhileTestsSeeTheUsualOrder() {
        WorkerStart start = ClassDataSharing.at(cache).workerStart(JAVA, testClasspath(), RunHarness.workerJar(), List.of());

        List<String> expected = new ArrayList<>();
        expected.add(cache.resolve(start.classpath().get(0)).toString());
        junitJars.forEach(jar -> expected.add(jar.toString()));
        expected.add(classes.toString());
        expected.add(library.toString());
        assertEquals(expected, start.classpath());
        assertTrue(start.classpath().get(0).startsWith(cache.toString()) && start.classpath().get(0).endsWith(".jar"),
                "the worker jar's copy in the cache, whose time stamp stays put: " + start.classpath().get(0));
        List<String> usual = new ArrayList<>(testClasspath().stream().map(Path::toString).toList());
        usual.add(start.classpath().get(0));
        assertEquals(String.join(File.pathSeparator, usual), start.classPathProperty());
    }

    @Test
    void aRunThatChoosesItsOwnSharingIsLeftAlone() {
        for (String own : List.of("-Xshare:off", "-XX:SharedArchiveFile=/tmp/mine.jsa", "-XX:ArchiveClassesAtExit=a.jsa")) {
            WorkerStart start = ClassDataSharing.at(cache).workerStart(JAVA, testClasspath(), RunHarness.workerJar(),
                    List.of("-ea", own));

            assertEquals(usualOrder(), start.classpath(), own);
            assertEquals(List.of(), start.jvmArgs(), own);
            assertNull(start.classPathProperty(), own);
        }
    }

    @Test
    void aCacheThatOthersCanWriteIsNotUsed() throws Exception {
        Files.createDirectories(cache, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxrwxrwx")));
        Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxrwxrwx"));

        WorkerStart start = ClassDataSharing.at(cache).workerStart(JAVA, testClasspath(), RunHarness.workerJar(), List.of());

        assertEquals(usualOrder(), start.classpath());
        assertEquals(List.of(), start.jvmArgs());
    }

    @Test
    void theFirstStartTrainsAnArchiveThatLaterWorkerJvmsMap() throws Exception {
        ClassDataSharing sharing = ClassDataSharing.at(cache);
        WorkerStart first = sharing.workerStart(JAVA, testClasspath(), RunHarness.workerJar(), List.of("-Xmx256m"));
        assertFalse(first.jvmArgs().stream().anyMatch(arg -> arg.startsWith("-XX:SharedArchiveFile=")),
                "no archive yet: " + first.jvmArgs());
        ClassDataSharing.trainersEnded().get(60, TimeUnit.SECONDS);

        WorkerStart later = sharing.workerStart(JAVA, testClasspath(), RunHarness.workerJar(), List.of("-Xmx256m"));

        assertTrue(later.jvmArgs().stream().anyMatch(arg -> arg.startsWith("-XX:SharedArchiveFile=" + cache)),
                later.jvmArgs().toString());
        String loaded = classesLoadedBy(later, "-Xmx256m");
        assertTrue(loaded.contains("org.junit.platform.launcher.core.LauncherFactory source: shared objects file (top)"),
                "the launcher comes from the archive although a directory follows the archived jars:\n" + tail(loaded));
        assertTrue(loaded.contains("io.distest.worker.UnitRunner source: shared objects file (top)"), tail(loaded));
    }

    @Test
    void aChangedJarIsNeverMappedFromTheOldArchive() throws Exception {
        ClassDataSharing sharing = ClassDataSharing.at(cache);
        sharing.workerStart(JAVA, testClasspath(), RunHarness.workerJar(), List.of());
        ClassDataSharing.trainersEnded().get(60, TimeUnit.SECONDS);
        Path changed = junitJars.get(0);
        Files.setLastModifiedTime(changed, FileTime.fromMillis(Files.getLastModifiedTime(changed).toMillis() + 60_000));

        WorkerStart afterChange = sharing.workerStart(JAVA, testClasspath(), RunHarness.workerJar(), List.of());

        assertFalse(afterChange.jvmArgs().stream().anyMatch(arg -> arg.startsWith("-XX:SharedArchiveFile=")),
                "a new key, trained anew: " + afterChange.jvmArgs());
        ClassDataSharing.trainersEnded().get(60, TimeUnit.SECONDS);
        try (var archives = Files.list(cache)) {
            assertEquals(2, archives.filter(f -> f.toString().endsWith(".jsa")).count(), "one archive per key");
        }
    }

    @Test
    void anotherBuildsTrainerIsNotDuplicatedUntilItsLockIsStale() throws Exception {
        ClassDataSharing sharing = ClassDataSharing.at(cache);
        sharing.workerStart(JAVA, testClasspath(), RunHarness.workerJar(), List.of());
        ClassDataSharing.trainersEnded().get(60, TimeUnit.SECONDS);
        Path archive;
        try (var files = Files.list(cache)) {
            archive = files.filter(f -> f.toString().endsWith(".jsa")).findFirst().orElseThrow();
        }
        String key = archive.getFileName().toString().replace(".jsa", "");
        Files.delete(archive);
        Path lock = Files.createFile(cache.resolve(key + ".training")); // another build's trainer, still running

        sharing.workerStart(JAVA, testClasspath(), RunHarness.workerJar(), List.of());
        ClassDataSharing.trainersEnded().get(60, TimeUnit.SECONDS);
        assertFalse(Files.exists(archive), "no second trainer while the lock is fresh");

        Files.setLastModifiedTime(lock, FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
        sharing.workerStart(JAVA, testClasspath(), RunHarness.workerJar(), List.of());
        ClassDataSharing.trainersEnded().get(60, TimeUnit.SECONDS);
        assertTrue(Files.exists(archive), "a stale lock is taken over");
        assertFalse(Files.exists(lock), "and removed by the trainer that took it");
    }

    private List<String> usualOrder() {
        List<String> usual = new ArrayList<>(testClasspath().stream().map(Path::toString).toList());
        usual.add(RunHarness.workerJar().toString());
        return usual;
    }

    /** Runs the warm-up in a JVM started as a worker would be, logging where each class came from. */
    private String classesLoadedBy(WorkerStart start, String... jvmArgs) throws Exception {
        Path log = temp.resolve("class-load.log");
        List<String> command = new ArrayList<>(List.of(JAVA));
        command.addAll(Arrays.asList(jvmArgs));
        command.addAll(start.jvmArgs());
        command.add("-Xlog:class+load=info:file=" + log);
        command.addAll(List.of("-cp", String.join(File.pathSeparator, start.classpath()), "io.distest.worker.WarmUp"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(temp.resolve("out.log").toFile()).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the JVM ended");
        assertEquals(0, process.exitValue(), Files.readString(temp.resolve("out.log")));
        return Files.readString(log);
    }

    private static String tail(String text) {
        return text.length() < 3000 ? text : text.substring(text.length() - 3000);
    }
}
