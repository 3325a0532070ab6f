package io.distest.maven.schedule;

import java.util.List;
import java.util.Optional;

/**
 * Decides which worker runs which unit. Sees worker handles and units only, never I/O, so it is driven by a
 * single event loop and tested with fakes. Every call comes from that one thread.
 */
public interface SchedulingPolicy {

    /** A worker is connected and ready. */
    void addWorker(WorkerRef worker);

    /** Units to send now; each is handed out exactly once until it finishes or its worker is lost. */
    List<Assignment> assignments();

    /**
     * The unit the worker runs now: the first of those it holds, which it runs in the order they were handed
     * out. Empty when it holds nothing (or is not known). The policy is the only owner of what a worker holds.
     */
    Optional<TestUnit> running(WorkerRef worker);

    /** The worker finished this unit (whatever the test outcomes). */
    void unitFinished(WorkerRef worker, TestUnit unit);

    /**
     * The worker is gone. Returns the units it held, the one it was running first; the units it had not
     * started go back to the queue, the running one is the caller's to report (and to requeue if it wishes).
     */
    List<TestUnit> workerLost(WorkerRef worker);

    /** Put a unit (or what is left of one) back at the front of the queue. */
    void requeue(TestUnit unit);

    /** No unit queued and none in flight. */
    boolean finished();

    /** Units no worker holds yet. */
    int waiting();

    /** Takes every unit not handed out yet off the queue (nothing new will start), and returns them. */
    List<TestUnit> drain();

    /**
     * Work stealing: units a worker holds but has not started, to be asked back (for an idle worker). Each is
     * asked back once until {@link #revoked} answers; it stays the worker's until then.
     */
    default List<Assignment> revocations() {
        return List.of();
    }

    /**
     * The worker's answer about a unit asked back: {@code returned}, it will not run there and goes back to the
     * queue; otherwise it had already started and stays the worker's.
     */
    default void revoked(WorkerRef worker, int unitId, boolean returned) {}

    /**
     * The measured round trip to the worker's side (0 or never told: a local worker). A policy that holds units
     * ahead may hold longer ones for a worker a round trip away.
     */
    default void roundTrip(WorkerRef worker, long millis) {}
}
