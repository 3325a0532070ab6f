package io.distest.worker.server;

import io.distest.shared.FileStamp;
import java.io.IOException;
import java.io.PrintStream;
import io.distest.shared.Threads;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * What a lingering server keeps of each home's last session (a home is the build's module and tx spec, see
 * {@code SyncManifest.home}): its directory, with a {@link FarStandby standby} JVM per worker it ran, for the home's
 * next session to take over instead of starting cold. A server that ends with its build keeps nothing. The
 * standbys do not keep the server busy: they end with it, once it has lingered idle.
 *
 * <p>A JVM's warm-up takes a core for most of a second, so the standbys start one at a time, each once the server
 * has run nothing for {@link #QUIET} (no sync, no worker: the next module's tests are not slowed by the last one's
 * standbys), {@link #PACE} apart. A home taken before all its standbys started gets those that did.
 */
final class WarmHomes implements AutoCloseable {
    /** Idle JVMs cost memory on the far host: a few modules' worth, the least recently kept ended first. */
    static final int MAX_HOMES = 8;
    /** How long the server must have run nothing before a standby starts. */
    static final Duration QUIET = Duration.ofSeconds(1);
    /** Between two standbys' starts: about a JVM's warm-up on an idle core. */
    static final Duration PACE = Duration.ofMillis(700);

    /**
     * @param standbys by worker id, as they start
     * @param laidOut the files the session laid out, each as it left them (see {@link LaidOut})
     */
    record Home(Path directory, Map<String, FarStandby> standbys, Map<Path, LaidOut> laidOut) {
        Home(Path directory, Map<Path, LaidOut> laidOut) {
            this(directory, new ConcurrentHashMap<>(), laidOut);
        }
    }

    /** Starts one standby JVM (see {@link FarStandby#start}). */
    interface StandbyStart {
        FarStandby start() throws IOException;
    }

    /** A standby of a kept home that has not started yet. */
    private record Pending(Home home, String workerId, StandbyStart start) {}

    /**
     * A file a sync laid out: the content it was given and its stamp just after. The next session of the home keeps
     * the file, instead of deleting and copying it again, only if it is asked for the same content and still has
     * that stamp: a test that wrote to it, or put a link or a directory there, changed the stamp.
     */
    record LaidOut(String sha256, boolean executable, FileStamp stamp) {
        boolean stillIs(String sha256, boolean executable, Path file) throws IOException {
            return this.sha256.equals(sha256) && this.executable == executable && stamp.equals(FileStamp.of(file));
        }
    }

    private final boolean lingering;
    private final PrintStream log;
    /** Whether the server runs something now (a sync, a worker). */
    private final BooleanSupplier busy;
    private final Map<String, Home> kept = new LinkedHashMap<>();
    private final Deque<Pending> pending = new ArrayDeque<>();
    private Thread starter;
    private boolean closed;

    WarmHomes(boolean lingering, PrintStream log, BooleanSupplier busy) {
        this.lingering = lingering;
        this.log = log;
        this.busy = busy;
    }

    /** Whether a session that ends now should leave its directory and standbys (the server lingers after builds). */
    synchronized boolean keeping() {
        return lingering && !closed;
    }

    /**
     * The home's last session, now the caller's, or null: none kept, or another session of the home took it. Its
     * standbys not started yet never start.
     */
    synchronized Home take(String key) {
        Home home = kept.remove(key);
        if (home != null) {
            pending.removeIf(p -> p.home() == home);
        }
        return home;
    }

    /**
     * Keeps {@code home} for the next session of {@code key}, its standbys to start in turn; ends what it replaces,
     * or it, if nothing is kept.
     *
     * @param standbys by worker id
     */
    void keep(String key, Home home, Map<String, StandbyStart> standbys) {
        List<Home> ended = new ArrayList<>();
        synchronized (this) {
            if (!keeping()) {
                ended.add(home);
            } else {
                Home replaced = kept.remove(key);
                if (replaced != null) {
                    ended.add(replaced);
                }
                kept.put(key, home);
                for (Iterator<Home> oldest = kept.values().iterator(); kept.size() > MAX_HOMES; ) {
                    ended.add(oldest.next());
                    oldest.remove();
                }
                standbys.forEach((workerId, start) -> pending.add(new Pending(home, workerId, start)));
                pending.removeIf(p -> ended.contains(p.home()));
                if (starter == null) {
                    starter = Threads.start(this::startInTurn, "distest-standby-starter");
                }
                notifyAll();
            }
        }
        ended.forEach(this::end);
    }

    /** The starter thread: one pending standby at a time, once the server has been quiet, until closed. */
    private void startInTurn() {
        try {
            while (true) {
                synchronized (this) {
                    while (!closed && pending.isEmpty()) {
                        wait();
                    }
                    if (closed) {
                        return;
                    }
                }
                awaitQuiet();
                Pending next;
                synchronized (this) {
                    next = pending.pollFirst();
                }
                if (next != null) {
                    start(next);
                    Thread.sleep(PACE.toMillis());
                }
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    /** Returns once the server has run nothing for {@link #QUIET}. */
    private void awaitQuiet() throws InterruptedException {
        long quietSince = System.nanoTime();
        while (System.nanoTime() - quietSince < QUIET.toNanos()) {
            Thread.sleep(100);
            if (busy.getAsBoolean()) {
                quietSince = System.nanoTime();
            }
        }
    }

    private void start(Pending next) {
        FarStandby started;
        try {
            started = next.start().start();
        } catch (IOException | RuntimeException e) {
            log.println("distest server: no standby for " + next.workerId() + ": " + e.getMessage());
            return;
        }
        synchronized (this) {
            if (!closed && kept.containsValue(next.home())) {
                next.home().standbys().put(next.workerId(), started);
                return;
            }
        }
        started.end(); // its home was taken or ended meanwhile
    }

    /** Ends a home: its standbys, then its directory. */
    void end(Home home) {
        synchronized (this) {
            pending.removeIf(p -> p.home() == home);
        }
        home.standbys().values().forEach(FarStandby::end);
        try {
            SafePaths.deleteTree(home.directory());
        } catch (IOException e) {
            log.println("distest server: could not remove " + home.directory() + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        List<Home> ended;
        synchronized (this) {
            closed = true;
            pending.clear();
            ended = new ArrayList<>(kept.values());
            kept.clear();
            notifyAll();
            if (starter != null) {
                starter.interrupt();
            }
        }
        ended.forEach(this::end);
    }
}
