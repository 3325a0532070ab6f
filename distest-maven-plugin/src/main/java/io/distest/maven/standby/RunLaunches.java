package io.distest.maven.standby;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugin.logging.Log;

/**
 * A run's local worker launches: each first takes over a standby worker started on it, if one waits, and the first
 * launch of every worker is kept for the next build's standby workers (see {@link Standbys}).
 */
public final class RunLaunches {
    private final Path moduleBasedir;
    private final Optional<LaunchStore> store;
    private final Map<String, StandbyLaunch> first = new LinkedHashMap<>();
    private int takenOver;

    public RunLaunches(Path moduleBasedir) {
        this(moduleBasedir, LaunchStore.ofThisUser());
    }

    RunLaunches(Path moduleBasedir, Optional<LaunchStore> store) {
        this.moduleBasedir = moduleBasedir;
        this.store = store;
    }

    /** Notes {@code launch}; returns the standby worker's process started on it, given the run's address and token. */
    public Optional<Process> spawning(StandbyLaunch launch, String token, String connectTo) {
        Standbys.stopStarting(moduleBasedir); // the run starts the workers that have none yet
        if (launch.debugged()) {
            return Optional.empty(); // a JVM that waits for a debugger is started when the run wants it, not before
        }
        synchronized (this) {
            if (first.putIfAbsent(launch.workerId(), launch) != null) {
                return Optional.empty(); // a replacement: standby workers start only as a run's first
            }
        }
        Optional<Process> standby = Standbys.claim(launch, token, connectTo);
        if (standby.isPresent()) {
            synchronized (this) {
                takenOver++;
            }
        }
        return standby;
    }

    /** How many workers of this run were standby workers started before it. */
    public synchronized int takenOver() {
        return takenOver;
    }

    /**
     * The run ended: ends its standby workers no launch took over and, if it is the module's first run of this
     * session, keeps its first launches for the next build.
     */
    public void finish(Log log) {
        List<StandbyLaunch> launches;
        synchronized (this) {
            launches = new ArrayList<>(first.values());
        }
        Standbys.endUnclaimed(launches.stream().map(StandbyLaunch::logFile).toList());
        try {
            if (store.isPresent() && Standbys.firstRunOf(moduleBasedir)) {
                store.get().write(moduleBasedir, launches);
            }
        } catch (IOException e) {
            log.debug("distest: the worker launches for the next build's standby workers were not kept: " + e);
        }
    }
}
