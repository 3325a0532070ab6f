package io.distest.worker.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distest.maven.cds.ClassDataSharing;
import io.distest.maven.cds.WarmUpJvm;
import io.distest.maven.run.RunHarness;
import io.distest.protocol.SpawnWorker;
import io.distest.shared.Sha256;
import io.distest.shared.WorkerCommandLine;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker server's class data sharing (in this module's tests, where the real worker jar is built): far workers map
 * an archive trained on the far side from content-named copies of the synced jars, as local workers do.
 */
class FarSharingTest {
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path root;
    private Path session;
    private ContentStore store;
    private final Map<Path, String> synced = new HashMap<>();
    private final List<String> sharedJars = new ArrayList<>();
    private final List<Path> classpath = new ArrayList<>();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @BeforeEach
    void syncedSession() throws Exception {
        Files.createDirectories(root.resolve("cas"));
        store = new ContentStore(root.resolve("cas"), Files.createDirectories(root.resolve("incoming")), null,
                new PrintStream(log, true));
        session = Files.createDirectories(root.resolve("run/sessions/s1"));
        Path classes = Files.createDirectories(session.resolve("project/target/test-classes"));
        classpath.add(classes);
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (ClassDataSharing.isJUnitJar(Path.of(entry))) {
                classpath.add(synced("repo/" + Path.of(entry).getFileName(), Path.of(entry)));
            }
        }
        classpath.add(synced("distest/distest-worker.jar", RunHarness.workerJar()));
        sharedJars.add("distest/distest-worker.jar");
        classpath.stream().skip(1).limit(classpath.size() - 2)
                .forEach(jar -> sharedJars.add(session.relativize(jar).toString()));
    }

    /** A file as a sync leaves it: in the store, and a copy of its own in the session. */
    private Path synced(String relative, Path file) throws Exception {
        String sha256 = Sha256.hexOf(file);
        try (ContentStore.Incoming incoming = store.receive(sha256, Files.size(file))) {
            incoming.write(Files.readAllBytes(file));
            incoming.commit();
        }
        Path target = session.resolve(relative);
        Files.createDirectories(target.getParent());
        store.materialize(sha256, target, false);
        synced.put(target, sha256);
        return target;
    }

    private FarSharing.Start start(List<String> sharedJars, String... jvmArgs) {
        SpawnWorker spawn = new SpawnWorker("gw0", JAVA, List.of(jvmArgs),
                classpath.stream().map(p -> session.relativize(p).toString()).toList(), "project", Map.of(), "t",
                List.of(), sharedJars, false);
        return new FarSharing(root.resolve("cds"), store, new PrintStream(log, true))
                .start(spawn, classpath, List.of(jvmArgs), synced, session);
    }

    @Test
    void theSharedJarsComeFirstAsCopiesNamedByTheirContentWhileTestsSeeTheSyncedOrder() throws Exception {
        FarSharing.Start start = start(sharedJars);

        Path jars = root.resolve("cds/jars");
        for (int i = 0; i < sharedJars.size(); i++) {
            Path copy = Path.of(start.classpath().get(i));
            assertEquals(jars, copy.getParent(), start.classpath().toString());
            assertEquals(synced.get(session.resolve(sharedJars.get(i))) + ".jar", copy.getFileName().toString());
        }
        assertEquals(classpath.get(0).toString(), start.classpath().get(sharedJars.size()), "then the rest, in order");
        assertEquals(classpath.size(), start.classpath().size());
        assertTrue(start.jvmArgs().contains("-D" + WorkerCommandLine.CLASS_PATH_PROPERTY + "="
                + String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList())), start.jvmArgs().toString());
    }

    @Test
    void aLaterWorkerMapsTheArchiveTrainedOnTheFarSideFromTheFirst() throws Exception {
        FarSharing.Start first = start(sharedJars, "-Xmx256m");
        assertFalse(first.jvmArgs().stream().anyMatch(arg -> arg.startsWith("-XX:SharedArchiveFile=")),
                "no archive yet: " + first.jvmArgs());
        ClassDataSharing.trainersEnded().get(120, TimeUnit.SECONDS);

        FarSharing.Start later = start(sharedJars, "-Xmx256m");

        assertEquals(first.classpath(), later.classpath(), "the copies stay put");
        assertTrue(later.jvmArgs().stream().anyMatch(arg -> arg.startsWith("-XX:SharedArchiveFile=" + root.resolve("cds"))),
                later.jvmArgs().toString());
        String loaded = classesLoadedBy(later, "-Xmx256m");
        assertTrue(loaded.contains("org.junit.platform.launcher.core.LauncherFactory source: shared objects file (top)"),
                "the launcher comes from the far side's archive:\n" + tail(loaded));
        assertTrue(loaded.contains("io.distest.worker.runner.UnitRunner source: shared objects file (top)"), tail(loaded));
    }

    @Test
    void aJarTheSessionDidNotSyncKeepsItsPlaceAndIsNotCopied() throws Exception {
        Path unsynced = session.resolve("repo/unsynced.jar");
        Files.write(unsynced, new byte[] {'P', 'K'});
        classpath.add(1, unsynced);
        List<String> shared = new ArrayList<>(sharedJars);
        shared.add("repo/unsynced.jar");

        FarSharing.Start start = start(shared);

        assertEquals(unsynced.toString(), start.classpath().get(sharedJars.size() + 1), start.classpath().toString());
        try (var copies = Files.list(root.resolve("cds/jars"))) {
            assertEquals(sharedJars.size(), copies.count());
        }
    }

    @Test
    void aWorkerWhoseOptionsChooseTheirOwnSharingOrThatNamesNoJarsStartsAsItWasAsked() {
        List<String> usual = classpath.stream().map(Path::toString).toList();

        assertEquals(new FarSharing.Start(usual, List.of()), start(sharedJars, "-Xshare:off"));
        assertEquals(new FarSharing.Start(usual, List.of()), start(List.of()));
        assertFalse(Files.exists(root.resolve("cds/jars")), "nothing copied");
    }

    /** Runs the warm-up in a JVM started as the server starts a worker, logging where each class came from. */
    private String classesLoadedBy(FarSharing.Start start, String... jvmArgs) throws Exception {
        List<String> options = new ArrayList<>(List.of(jvmArgs));
        options.addAll(start.jvmArgs());
        return WarmUpJvm.classesLoaded(options, start.classpath(), List.of(), root);
    }

    private static String tail(String text) {
        return WarmUpJvm.tail(text);
    }
}
