package io.distest.maven.gateway;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/** Somewhere workers can be started: this machine, an ssh account, a socket server. One per tx spec. */
public interface Gateway extends Closeable {

    /**
     * Connects and brings over what the run needs; called once, before the first {@link #spawn}.
     *
     * @param firstWorkers what the run's first spawns will ask for: a gateway may send these requests ahead, while it
     *     still syncs, and then {@link #spawn} them at once
     */
    default void open(List<WorkerLaunch> firstWorkers) throws IOException {}

    /** How long {@link #open} spent bringing files over (0 when nothing is synced). */
    default long syncMillis() {
        return 0;
    }

    /** The round trip to the far side measured while opening (0 for a local gateway, or before {@link #open}). */
    default long roundTripMillis() {
        return 0;
    }

    /**
     * Whether {@link #spawn} may be called from several threads at once, so that a gateway whose every spawn waits a
     * round trip (a far-side server) starts its workers side by side.
     */
    default boolean spawnsConcurrently() {
        return false;
    }

    /** Starts a worker JVM as {@code launch} says. */
    SpawnedWorker spawn(WorkerLaunch launch) throws IOException;

    @Override
    void close();
}
