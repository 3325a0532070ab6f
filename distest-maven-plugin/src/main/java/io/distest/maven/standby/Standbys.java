package io.distest.maven.standby;

import io.distest.shared.Threads;
import io.distest.shared.WorkerCommandLine;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The standby workers of this Maven session: worker JVMs started beside a module's earlier phases on the launches
 * its last build's first run used (see {@link LaunchStore}), each waiting for a run to hand it an address and a token. A run that
 * asks for such a launch (but perhaps for its archive), and finds the class path as it was when the JVM started,
 * takes it over; whatever
 * is not taken over ends with the run, the module or the session. The take-over extension and the mojos share this
 * plugin's class realm, so one registry serves both.
 */
public final class Standbys {
    private record Started(Path moduleBasedir, StandbyLaunch launch, ClassPathShape shape, Process process,
            Path warmFile, long startedNanos) {
        /** Still starting and warming: it needs a core. One not warm after {@link #WARM_UP_LIMIT} no longer counts. */
        boolean warming() {
            return process.isAlive() && !Files.exists(warmFile)
                    && System.nanoTime() - startedNanos < WARM_UP_LIMIT.toNanos();
        }
    }

    private record Pending(Path moduleBasedir, StandbyLaunch launch, Consumer<String> debug) {}

    /**
     * At most this many standby JVMs start and warm at a time; the others wait their turn. The earlier phases keep
     * about one core busy (Maven's thread, a compiler); a JVM's start-up beyond the others only takes processor
     * time from them. Measured on 2 cores, the sleep suite on 4*popen: 4 standby JVMs started together made the
     * test run 1.4 s shorter and the build 0.5 s longer; 1 made the run 0.6 s shorter and the build no longer.
     */
    static final int SPARE_CORES = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    /** How long a standby JVM may take to warm before the next one starts anyway. */
    static final Duration WARM_UP_LIMIT = Duration.ofSeconds(10);
    /** How often the next standby's turn is looked at: long enough for the idle cores between looks to mean much. */
    private static final Duration TURN_CHECK = Duration.ofMillis(100);
    private static final IdleCores IDLE = new IdleCores();
    private static final List<Started> STARTED = new ArrayList<>();
    private static final List<Pending> PENDING = new ArrayList<>();
    private static final Set<Path> RECORDED = new HashSet<>();
    private static Thread turns;

    private Standbys() {}

    /**
     * Starts a standby worker for each launch the module's last build's first run used, {@link #SPARE_CORES} at a
     * time: the next starts once one is warm, until the module's run begins. Returns how many it will start. Never
     * fails the build: a launch that cannot start is reported to {@code debug}, and its run starts the worker itself.
     */
    public static int start(Path moduleBasedir, Consumer<String> debug) {
        return LaunchStore.ofThisUser().map(store -> start(store, moduleBasedir, debug)).orElse(0);
    }

    static int start(LaunchStore store, Path moduleBasedir, Consumer<String> debug) {
        Path module = moduleBasedir.toAbsolutePath().normalize();
        List<StandbyLaunch> launches = store.read(module);
        synchronized (Standbys.class) {
            launches.forEach(launch -> PENDING.add(new Pending(module, launch, debug)));
            startWhileCoresAreSpare();
            if (!PENDING.isEmpty() && turns == null) {
                IDLE.sinceLastLook(); // the first turn's look covers its own wait, not the time since boot
                turns = Threads.start(Standbys::startInTurn, "distest-standby-turns");
            }
        }
        return launches.size();
    }

    /**
     * Until none is pending: whenever fewer than {@link #SPARE_CORES} standby JVMs warm and a core was idle since
     * the last look, starts the next. A core the build keeps busy (a compiler) is not taken: measured on 2 cores,
     * four standby JVMs warmed one after another during test-compile made it 0.85 s longer and the test run 0.6 s
     * shorter.
     */
    private static void startInTurn() {
        while (true) {
            try {
                Thread.sleep(TURN_CHECK.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            synchronized (Standbys.class) {
                if (IDLE.sinceLastLook() >= 1) {
                    startWhileCoresAreSpare();
                }
                if (PENDING.isEmpty()) {
                    turns = null;
                    return;
                }
            }
        }
    }

    private static void startWhileCoresAreSpare() {
        while (!PENDING.isEmpty() && STARTED.stream().filter(Started::warming).count() < SPARE_CORES) {
            Pending next = PENDING.remove(0);
            try {
                STARTED.add(startOne(next.moduleBasedir(), next.launch()));
            } catch (IOException | RuntimeException e) {
                next.debug().accept("distest: no standby worker " + next.launch().workerId() + " for "
                        + next.moduleBasedir() + ": " + e);
            }
        }
    }

    private static Started startOne(Path module, StandbyLaunch launch) throws IOException {
        for (String entry : launch.directories()) {
            Path directory = Path.of(entry).toAbsolutePath().normalize();
            if (directory.startsWith(module) && !Files.exists(directory)) {
                Files.createDirectories(directory); // as its compile will: the JVM must see a directory, not a jar
            }
        }
        Files.createDirectories(launch.directory());
        Files.createDirectories(launch.logFile().toAbsolutePath().getParent());
        Files.writeString(launch.argFile(), launch.commandLine().argFileContent(), StandardCharsets.UTF_8);
        Path warmFile = launch.warmFile();
        Files.deleteIfExists(warmFile);
        ClassPathShape shape = ClassPathShape.of(launch.classpath());
        Process process = launch.commandLine().standbyProcessBuilder(launch.argFile(), launch.directory(),
                launch.logFile(), warmFile).start();
        return new Started(module, launch, shape, process, warmFile, System.nanoTime());
    }

    /** The module's run has begun: it starts the workers no standby was started for yet itself. */
    public static synchronized void stopStarting(Path moduleBasedir) {
        Path module = moduleBasedir.toAbsolutePath().normalize();
        PENDING.removeIf(pending -> pending.moduleBasedir().equals(module));
    }

    /**
     * Whether this is the module's first run in this session, whose launches are kept: its unit tests, not its
     * integration tests, which write the same worker logs later.
     */
    static synchronized boolean firstRunOf(Path moduleBasedir) {
        return RECORDED.add(moduleBasedir.toAbsolutePath().normalize());
    }

    /**
     * Hands {@code token} and {@code connectTo} to the standby worker started on {@code launch} (see
     * {@link StandbyLaunch#fits}), if one waits and its class path is as it was when it started; returns its process,
     * now the caller's. A standby whose class path changed, or that is gone, is ended, and so is one started for the
     * same worker on another command line.
     */
    public static Optional<Process> claim(StandbyLaunch launch, String token, String connectTo) {
        Started match = null;
        List<Started> unfit = new ArrayList<>();
        synchronized (Standbys.class) {
            for (Iterator<Started> it = STARTED.iterator(); it.hasNext(); ) {
                Started standby = it.next();
                if (match == null && standby.launch().fits(launch)) {
                    it.remove();
                    match = standby;
                } else if (standby.launch().logFile().equals(launch.logFile())) {
                    it.remove(); // this worker starts on another command line: its standby would wait in vain
                    unfit.add(standby);
                }
            }
        }
        unfit.forEach(Standbys::end);
        if (match == null) {
            return Optional.empty();
        }
        if (!match.process().isAlive() || !ClassPathShape.of(launch.classpath()).equals(match.shape())) {
            end(match);
            return Optional.empty();
        }
        try (OutputStream in = match.process().getOutputStream()) {
            in.write(WorkerCommandLine.standbyHandoff(token, connectTo).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            end(match);
            return Optional.empty();
        }
        return Optional.of(match.process());
    }

    /** Ends the standby workers that would write {@code logFiles}, if no run took them over: their run is over. */
    public static void endUnclaimed(Collection<Path> logFiles) {
        endWhere(s -> logFiles.contains(s.launch().logFile()));
    }

    /** Ends the module's standby workers that no run took over, and starts no more (its build is over). */
    public static void endUnclaimed(Path moduleBasedir) {
        Path module = moduleBasedir.toAbsolutePath().normalize();
        stopStarting(module);
        endWhere(s -> s.moduleBasedir().equals(module));
    }

    /** Ends every standby worker no run took over, and starts no more: the session ended. */
    public static void endAll() {
        synchronized (Standbys.class) {
            PENDING.clear();
            RECORDED.clear();
        }
        endWhere(s -> true);
    }

    private static void endWhere(Predicate<Started> which) {
        List<Started> ending = new ArrayList<>();
        synchronized (Standbys.class) {
            for (Iterator<Started> it = STARTED.iterator(); it.hasNext(); ) {
                Started standby = it.next();
                if (which.test(standby)) {
                    it.remove();
                    ending.add(standby);
                }
            }
        }
        ending.forEach(Standbys::end);
    }

    private static void end(Started standby) {
        standby.process().destroyForcibly(); // it waits on its input and has run nothing of the project's
    }
}
