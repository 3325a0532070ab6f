package io.distest.worker.server;

import io.distest.shared.FileStamp;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a lingering server keeps of each home's last session (a home is the build's module and tx spec, see
 * {@code SyncManifest.home}): its directory, with a {@link FarStandby standby} JVM per worker it ran, for the home's
 * next session to take over instead of starting cold. A server that ends with its build keeps nothing. The
 * standbys do not keep the server busy: they end with it, once it has lingered idle.
 */
final class WarmHomes implements AutoCloseable {
    /** Idle JVMs cost memory on the far host: a few modules' worth, the least recently kept ended first. */
    static final int MAX_HOMES = 8;

    /**
     * @param standbys by worker id
     * @param laidOut the files the session laid out, each as it left them (see {@link LaidOut})
     */
    record Home(Path directory, Map<String, FarStandby> standbys, Map<Path, LaidOut> laidOut) {}

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
    private final Map<String, Home> kept = new LinkedHashMap<>();
    private boolean closed;

    WarmHomes(boolean lingering, PrintStream log) {
        this.lingering = lingering;
        this.log = log;
    }

    /** Whether a session that ends now should leave its directory and standbys (the server lingers after builds). */
    synchronized boolean keeping() {
        return lingering && !closed;
    }

    /** The home's last session, now the caller's, or null: none kept, or another session of the home took it. */
    synchronized Home take(String key) {
        return kept.remove(key);
    }

    /** Keeps {@code home} for the next session of {@code key}; ends what it replaces, or it, if nothing is kept. */
    void keep(String key, Home home) {
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
            }
        }
        ended.forEach(this::end);
    }

    /** Ends a home: its standbys, then its directory. */
    void end(Home home) {
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
            ended = new ArrayList<>(kept.values());
            kept.clear();
        }
        ended.forEach(this::end);
    }
}
