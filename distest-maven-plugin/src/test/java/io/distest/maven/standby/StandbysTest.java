package io.distest.maven.standby;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distest.maven.run.RunHarness;
import io.distest.protocol.Hello;
import io.distest.protocol.MessageChannel;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real standby worker JVMs: started on a kept launch, taken over by a run that asks for exactly that launch. */
class StandbysTest {
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path module;

    private LaunchStore store;
    private final List<String> debug = new ArrayList<>();

    @BeforeEach
    void store() throws Exception {
        store = new LaunchStore(Files.createDirectories(module.resolve("store")));
    }

    @AfterEach
    void endWhatIsLeft() {
        Standbys.endUnclaimed(module);
    }

    @Test
    void aStandbyTakenOverConnectsToTheRunWithTheTokenItWasHanded() throws Exception {
        StandbyLaunch launch = launch("gw0", List.of("-Dsome.property=1"));
        store.write(module, List.of(launch));

        assertEquals(1, Standbys.start(store, module, debug::add), debug.toString());
        assertTrue(Files.isDirectory(module.resolve("target/test-classes")),
                "a directory of the class path is made before the JVM starts, as the build will make it");

        try (ServerSocket run = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            run.setSoTimeout(30_000);
            Optional<Process> standby = Standbys.claim(launch, "the-runs-token", "127.0.0.1:" + run.getLocalPort());
            assertTrue(standby.isPresent(), "the run takes the waiting JVM over");
            try (Socket connection = run.accept()) {
                Hello hello = (Hello) new MessageChannel(connection.getInputStream(), connection.getOutputStream(),
                        connection).receive();
                assertEquals("the-runs-token", hello.token());
                assertEquals("gw0", hello.workerId());
            }
            assertTrue(standby.get().waitFor(30, TimeUnit.SECONDS), "it ends with its connection");
        }
        assertEquals(Optional.empty(), Standbys.claim(launch, "t", "127.0.0.1:1"), "taken over once");
    }

    @Test
    void aStandbyStartedBeforeItsArchiveWasMadeIsTakenOverByARunThatMapsIt() throws Exception {
        StandbyLaunch withoutArchive = launch("gw0", List.of("-ea"));
        store.write(module, List.of(withoutArchive));
        Standbys.start(store, module, debug::add);

        StandbyLaunch mapping = launch("gw0", List.of("-ea", "-XX:SharedArchiveFile=/nonexistent/made-meanwhile.jsa"));

        assertTrue(Standbys.claim(mapping, "t", "127.0.0.1:1").isPresent(),
                "the archive decides how fast classes load, not which: tests see the same either way");
        assertEquals(Optional.empty(), Standbys.claim(launch("gw0", List.of("-ea", "-Dother=1")), "t", "127.0.0.1:1"));
    }

    @Test
    void aStandbyWhoseJarChangedSinceItStartedIsEndedNotTakenOver() throws Exception {
        Path library = Files.write(module.resolve("library.jar"), new byte[] {1, 2, 3});
        StandbyLaunch launch = launch("gw0", List.of(), library);
        store.write(module, List.of(launch));
        Standbys.start(store, module, debug::add);
        ProcessHandle standby = standbyProcess();

        Files.write(library, new byte[] {1, 2, 3, 4}); // rebuilt by the build, after the JVM may have read it

        assertEquals(Optional.empty(), Standbys.claim(launch, "t", "127.0.0.1:1"));
        assertTrue(standby.onExit().get(30, TimeUnit.SECONDS) != null && !standby.isAlive());
    }

    @Test
    void aRunThatAsksForAnotherCommandLineStartsItsOwnAndEndsTheStandbyAtOnce() throws Exception {
        StandbyLaunch kept = launch("gw0", List.of("-Xmx256m"));
        store.write(module, List.of(kept));
        Standbys.start(store, module, debug::add);
        ProcessHandle standby = standbyProcess();

        assertEquals(Optional.empty(), Standbys.claim(launch("gw0", List.of("-Xmx512m")), "t", "127.0.0.1:1"));

        standby.onExit().get(30, TimeUnit.SECONDS);
        assertFalse(standby.isAlive(), "no run of this build will take it over: it would write to gw0's log");
    }

    @Test
    void aStandbyEndsOnItsOwnWhenTheBuildClosesItsInput() throws Exception {
        StandbyLaunch launch = launch("gw0", List.of());
        Files.createDirectories(launch.logFile().getParent());
        Files.writeString(launch.argFile(), launch.commandLine().argFileContent());
        Process standby = launch.commandLine().standbyProcessBuilder(launch.argFile(), module, launch.logFile(),
                module.resolve("gw0.warm")).start();

        standby.getOutputStream().close(); // as when the build's JVM is gone

        assertTrue(standby.waitFor(30, TimeUnit.SECONDS), Files.readString(launch.logFile()));
        assertEquals(0, standby.exitValue());
    }

    @Test
    void standbyJvmsStartInTurnAsManyAtATimeAsTheMachineHasCoresBesideTheBuilds() throws Exception {
        List<StandbyLaunch> launches = launches(Standbys.SPARE_CORES + 1);
        store.write(module, launches);

        assertEquals(launches.size(), Standbys.start(store, module, debug::add), debug.toString());
        assertEquals(Standbys.SPARE_CORES, standbyProcessesOf(module).size(), "the others wait for a spare core");

        awaitWarm(launches);
        assertEquals(launches.size(), standbyProcessesOf(module).size(), "the last started once one was warm");
    }

    @Test
    void aRunThatBeginsStopsTheStandbysNotStartedYet() throws Exception {
        List<StandbyLaunch> launches = launches(Standbys.SPARE_CORES + 1);
        store.write(module, launches);
        Standbys.start(store, module, debug::add);

        Optional<Process> notStartedYet = new RunLaunches(module, Optional.of(store))
                .spawning(launches.get(Standbys.SPARE_CORES), "t", "127.0.0.1:1");
        awaitWarm(launches.subList(0, Standbys.SPARE_CORES));
        Thread.sleep(500); // several of the turns' checks

        assertEquals(Optional.empty(), notStartedYet);
        assertEquals(Standbys.SPARE_CORES, standbyProcessesOf(module).size(), "the run starts the last one itself");
    }

    @Test
    void aDebuggedLaunchIsNeitherTakenOverNorKept() throws Exception {
        RunLaunches run = new RunLaunches(module, Optional.of(store));

        Optional<Process> standby = run.spawning(launch("gw0",
                List.of("-agentlib:jdwp=transport=dt_socket,server=y,suspend=y,address=5005")), "t", "127.0.0.1:1");
        run.finish(new RunHarness.RecordingLog());

        assertEquals(Optional.empty(), standby);
        assertEquals(List.of(), store.read(module));
    }

    @Test
    void aRunKeepsTheFirstLaunchOfEachWorkerAndOnlyTheModulesFirstRunIsKept() throws Exception {
        RunLaunches unitTests = new RunLaunches(module, Optional.of(store));
        unitTests.spawning(launch("gw0", List.of()), "t", "127.0.0.1:1");
        unitTests.spawning(launch("gw0", List.of("-Dreplacement=1")), "t", "127.0.0.1:1");
        unitTests.spawning(launch("gw1", List.of()), "t", "127.0.0.1:1");
        unitTests.finish(new RunHarness.RecordingLog());
        RunLaunches integrationTests = new RunLaunches(module, Optional.of(store));
        integrationTests.spawning(launch("gw0", List.of("-Dit=1")), "t", "127.0.0.1:1");
        integrationTests.finish(new RunHarness.RecordingLog());

        assertEquals(List.of(launch("gw0", List.of()), launch("gw1", List.of())), store.read(module));
    }

    private StandbyLaunch launch(String workerId, List<String> jvmArgs, Path... jars) throws Exception {
        return launch(module, workerId, jvmArgs, jars);
    }

    /** A worker launch of {@code module}: the real worker jar, its test classes, and {@code jars}. */
    static StandbyLaunch launch(Path module, String workerId, List<String> jvmArgs, Path... jars) {
        Path testClasses = module.resolve("target/test-classes");
        List<String> classpath = new ArrayList<>(List.of(RunHarness.workerJar().toAbsolutePath().toString(),
                testClasses.toString()));
        for (Path jar : jars) {
            classpath.add(jar.toString());
        }
        Path work = module.resolve("target/distest");
        List<String> sharing = jvmArgs.stream().filter(arg -> arg.startsWith("-XX:Shared")).toList();
        return new StandbyLaunch(JAVA, jvmArgs, classpath, workerId, List.of(), Map.of("SOME_VARIABLE", "x"), module,
                work.resolve(workerId + ".log"), work.resolve(workerId + ".args"), List.of(testClasses.toString()),
                sharing);
    }

    private List<StandbyLaunch> launches(int count) throws Exception {
        List<StandbyLaunch> launches = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            launches.add(launch("gw" + i, List.of()));
        }
        return launches;
    }

    /** Waits until each of {@code launches}' JVMs said it is warm. */
    private void awaitWarm(List<StandbyLaunch> launches) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (StandbyLaunch launch : launches) {
            Path warm = launch.warmFile();
            while (!Files.exists(warm)) {
                assertTrue(System.nanoTime() < deadline, launch.workerId() + " never said it was warm: " + debug);
                Thread.sleep(10);
            }
        }
    }

    /** The standby JVMs started for any worker of {@code module}, by their argument files. */
    private static List<ProcessHandle> standbyProcessesOf(Path module) {
        String argFiles = "@" + module.resolve("target/distest");
        return ProcessHandle.current().children().filter(child -> child.info().arguments()
                .map(args -> List.of(args).stream().anyMatch(arg -> arg.startsWith(argFiles))).orElse(false)).toList();
    }

    private ProcessHandle standbyProcess() {
        List<ProcessHandle> found = standbyProcesses(module);
        assertEquals(1, found.size(), "one standby JVM: " + found);
        return found.get(0);
    }

    /** The standby JVMs started for {@code module}'s gw0, found among this JVM's children by their argument file. */
    static List<ProcessHandle> standbyProcesses(Path module) {
        String argFile = "@" + module.resolve("target/distest/gw0.args");
        return ProcessHandle.current().children()
                .filter(child -> child.info().arguments().map(args -> List.of(args).contains(argFile)).orElse(false))
                .toList();
    }
}
