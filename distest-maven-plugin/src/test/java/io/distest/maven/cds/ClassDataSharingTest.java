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
        // a library that holds a resource the project has too: its jars may not go first
        Files.writeString(classes.resolve("application.properties"), "the project's");
        library = jar(Files.createDirectories(repository().resolve("lib")).resolve("library-1.0.jar"),
                "application.properties");
        // copies, so that a test may change one without touching the local repository
        junitJars = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path jar = Path.of(entry);
            if (ClassDataSharing.isJUnitJar(jar)) {
                Path copy = Files.createDirectories(temp.resolve("repo").resolve(String.valueOf(junitJars.size())))
                        .resolve(jar.getFileName());
                junitJars.add(Files.copy(jar, copy));
            }
        }
        assertTrue(junitJars.size() >= 4, "the JUnit Platform jars of this module's tests: " + junitJars);
    }

    private Path repository() {
        return temp.resolve("repo");
    }

    private WorkerStart start(ClassDataSharing sharing, List<Path> classpath, String... jvmArgs) {
        return sharing.workerStart(JAVA, classpath, RunHarness.workerJar(), List.of(jvmArgs), repository());
    }

    private List<Path> testClasspath() {
        List<Path> classpath = new ArrayList<>(List.of(classes, library));
        classpath.addAll(junitJars);
        return classpath;
    }

    private static Path jar(Path file, String... entries) throws Exception {
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
            for (String entry : entries) {
                zip.putNextEntry(new java.util.zip.ZipEntry(entry));
                zip.write(entry.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return file;
    }

    @Test
    void everyJarComesFirstWhenNoNameOfTheDirectoriesIsInAJar() throws Exception {
        Files.delete(classes.resolve("application.properties"));

        WorkerStart start = start(ClassDataSharing.at(cache), testClasspath());

        List<String> expected = new ArrayList<>(List.of(start.classpath().get(0), library.toString()));
        junitJars.forEach(jar -> expected.add(jar.toString()));
        expected.add(classes.toString());
        assertEquals(expected, start.classpath());
        assertTrue(start.jvmArgs().stream().anyMatch(arg -> arg.startsWith("-XX:DumpLoadedClassList=" + cache)),
                "the first run records what its worker loads: " + start.jvmArgs());
    }

    @Test
    void theClassesOneWorkerLoadedAreRecordedThenTrainedThenMapped() throws Exception {
        Files.delete(classes.resolve("application.properties"));
        Path sshj = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(Path::of)
                .filter(p -> p.getFileName().toString().startsWith("sshj-")).findFirst()
                .map(jar -> copyInto(repository().resolve("sshj"), jar)).orElseThrow();
        List<Path> classpath = new ArrayList<>(testClasspath());
        classpath.add(1, sshj);

        WorkerStart recording = start(ClassDataSharing.at(cache), classpath);
        WorkerStart second = start(ClassDataSharing.at(cache), classpath);
        String record = recording.jvmArgs().stream().filter(a -> a.startsWith("-XX:DumpLoadedClassList=")).findFirst()
                .orElseThrow(() -> new AssertionError("one worker records: " + recording.jvmArgs()));
        Path classList = Path.of(record.substring(record.indexOf('=') + 1));
        Files.writeString(classList, "# as the worker's JVM writes it\nnet/schmizz/sshj/SSHClient\nsome/ProjectClass\n");

        WorkerStart training = start(ClassDataSharing.at(cache), classpath);
        assertFalse(training.jvmArgs().stream().anyMatch(a -> a.startsWith("-XX:")), training.jvmArgs().toString());
        ClassDataSharing.trainersEnded().get(120, TimeUnit.SECONDS);
        WorkerStart mapped = start(ClassDataSharing.at(cache), classpath);

        assertTrue(mapped.jvmArgs().stream().anyMatch(a -> a.startsWith("-XX:SharedArchiveFile=")), mapped.jvmArgs().toString());
        String loaded = classesLoadedBy(mapped, List.of(classList.toString()));
        assertTrue(loaded.contains("net.schmizz.sshj.SSHClient source: shared objects file (top)"),
                "a library's class comes from the archive:\n" + tail(loaded));
        assertTrue(second.jvmArgs().stream().anyMatch(a -> a.startsWith("-XX:DumpLoadedClassList=")),
                "each build's first worker records until a list exists (another build's, here): " + second.jvmArgs());
    }

    @Test
    void theWorkerAndJUnitJarsComeFirstWhileTestsSeeTheUsualOrder() {
        WorkerStart start = start(ClassDataSharing.at(cache), testClasspath());

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
            WorkerStart start = start(ClassDataSharing.at(cache), testClasspath(), "-ea", own);

            assertEquals(usualOrder(), start.classpath(), own);
            assertEquals(List.of(), start.jvmArgs(), own);
            assertNull(start.classPathProperty(), own);
        }
    }

    @Test
    void aCacheThatOthersCanWriteIsNotUsed() throws Exception {
        Files.createDirectories(cache, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxrwxrwx")));
        Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxrwxrwx"));

        WorkerStart start = start(ClassDataSharing.at(cache), testClasspath());

        assertEquals(usualOrder(), start.classpath());
        assertEquals(List.of(), start.jvmArgs());
    }

    @Test
    void aCacheInADirectoryAnotherAccountCouldReplaceIsNotUsed() throws Exception {
        Path shared = Files.createDirectories(temp.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path nested = shared.resolve("distest").resolve("cds");

        WorkerStart start = ClassDataSharing.at(nested).workerStart(JAVA, testClasspath(), RunHarness.workerJar(),
                List.of(), repository());

        assertEquals(usualOrder(), start.classpath(), "anyone may rename distest/ there and put their own in its place");
        assertEquals(List.of(), start.jvmArgs());
    }

    @Test
    void theFirstStartTrainsAnArchiveThatLaterWorkerJvmsMap() throws Exception {
        ClassDataSharing sharing = ClassDataSharing.at(cache);
        WorkerStart first = start(sharing, testClasspath(), "-Xmx256m");
        assertFalse(first.jvmArgs().stream().anyMatch(arg -> arg.startsWith("-XX:SharedArchiveFile=")),
                "no archive yet: " + first.jvmArgs());
        ClassDataSharing.trainersEnded().get(60, TimeUnit.SECONDS);

        WorkerStart later = start(sharing, testClasspath(), "-Xmx256m");

        assertTrue(later.jvmArgs().stream().anyMatch(arg -> arg.startsWith("-XX:SharedArchiveFile=" + cache)),
                later.jvmArgs().toString());
        String loaded = classesLoadedBy(later, List.of(), "-Xmx256m");
        assertTrue(loaded.contains("org.junit.platform.launcher.core.LauncherFactory source: shared objects file (top)"),
                "the launcher comes from the archive although a directory follows the archived jars:\n" + tail(loaded));
        assertTrue(loaded.contains("io.distest.worker.runner.UnitRunner source: shared objects file (top)"), tail(loaded));
    }

    @Test
    void aChangedJarIsNeverMappedFromTheOldArchive() throws Exception {
        ClassDataSharing sharing = ClassDataSharing.at(cache);
        start(sharing, testClasspath());
        ClassDataSharing.trainersEnded().get(60, TimeUnit.SECONDS);
        Path changed = junitJars.get(0);
        Files.setLastModifiedTime(changed, FileTime.fromMillis(Files.getLastModifiedTime(changed).toMillis() + 60_000));

        WorkerStart afterChange = start(sharing, testClasspath());

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
        start(sharing, testClasspath());
        ClassDataSharing.trainersEnded().get(60, TimeUnit.SECONDS);
        Path archive;
        try (var files = Files.list(cache)) {
            archive = files.filter(f -> f.toString().endsWith(".jsa")).findFirst().orElseThrow();
        }
        String key = archive.getFileName().toString().replace(".jsa", "");
        Files.delete(archive);
        Path lock = Files.createFile(cache.resolve(key + ".training")); // another build's trainer, still running

        start(sharing, testClasspath());
        ClassDataSharing.trainersEnded().get(60, TimeUnit.SECONDS);
        assertFalse(Files.exists(archive), "no second trainer while the lock is fresh");

        Files.setLastModifiedTime(lock, FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
        start(sharing, testClasspath());
        ClassDataSharing.trainersEnded().get(60, TimeUnit.SECONDS);
        assertTrue(Files.exists(archive), "a stale lock is taken over");
        assertFalse(Files.exists(lock), "and removed by the trainer that took it");
    }

    private static Path copyInto(Path directory, Path jar) {
        try {
            return Files.copy(jar, Files.createDirectories(directory).resolve(jar.getFileName()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void neitherSnapshotsNorTheReactorsJarsAreArchived() throws Exception {
        Files.delete(classes.resolve("application.properties"));
        Path snapshot = jar(Files.createDirectories(repository().resolve("acme/1.0-SNAPSHOT")).resolve("acme-1.0-SNAPSHOT.jar"),
                "acme/Thing.class");
        Path sibling = jar(Files.createDirectories(temp.resolve("sibling/target")).resolve("sibling-1.0.jar"),
                "sibling/Other.class");
        List<Path> classpath = new ArrayList<>(List.of(classes, sibling, snapshot, library));
        classpath.addAll(junitJars);

        WorkerStart start = start(ClassDataSharing.at(cache), classpath);

        List<String> expected = new ArrayList<>(List.of(start.classpath().get(0), library.toString()));
        junitJars.forEach(jar -> expected.add(jar.toString()));
        expected.addAll(List.of(classes.toString(), sibling.toString(), snapshot.toString()));
        assertEquals(expected, start.classpath(), "released jars first; what changes from build to build stays in order");
    }

    @Test
    void aReleasedJarHoldingANameOfAReactorJarKeepsItsPlace() throws Exception {
        Files.delete(classes.resolve("application.properties"));
        Path sibling = jar(Files.createDirectories(temp.resolve("sibling/target")).resolve("sibling-1.0.jar"),
                "application.properties");
        List<Path> classpath = new ArrayList<>(List.of(classes, sibling, library));
        classpath.addAll(junitJars);

        WorkerStart start = start(ClassDataSharing.at(cache), classpath);

        List<String> expected = new ArrayList<>(List.of(start.classpath().get(0)));
        junitJars.forEach(jar -> expected.add(jar.toString()));
        expected.addAll(List.of(classes.toString(), sibling.toString(), library.toString()));
        assertEquals(expected, start.classpath(), "only the JUnit jars move: the library's application.properties"
                + " must not overtake the sibling's");
    }

    private List<String> usualOrder() {
        List<String> usual = new ArrayList<>(testClasspath().stream().map(Path::toString).toList());
        usual.add(RunHarness.workerJar().toString());
        return usual;
    }

    /** Runs the warm-up in a JVM started as a worker would be, logging where each class came from. */
    private String classesLoadedBy(WorkerStart start, List<String> arguments, String... jvmArgs) throws Exception {
        List<String> options = new ArrayList<>(Arrays.asList(jvmArgs));
        options.addAll(start.jvmArgs());
        return WarmUpJvm.classesLoaded(options, start.classpath(), arguments, temp);
    }

    private static String tail(String text) {
        return WarmUpJvm.tail(text);
    }
}
