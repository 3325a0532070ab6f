package io.distest.maven.schedule;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * {@code dist=load}: one shared queue; every worker holds at most the unit it runs plus {@code ahead} more,
 * so that it never waits for a round trip, and a slow unit strands little queued work behind it.
 *
 * <p>With expected durations (longest first in the queue), a unit expected to take {@value #AHEAD_MAX_MILLIS} ms
 * or more is never held ahead: a round trip is nothing next to it, and it starts on the first worker that is free
 * instead of waiting behind another unit. For a worker a measured round trip away, "nothing next to it" is
 * {@value #ROUND_TRIPS_AHEAD} round trips: a unit shorter than that is held ahead there (else the worker would
 * idle a round trip, more than 10 % of the unit, before it). The ratio stays small on purpose: a long unit held
 * ahead on the first worker to connect waits behind another long one while the next worker would be free to start
 * it (measured at 150 ms with 50 round trips: the two longest units ran one after the other on one worker). When the queue is empty, an idle worker steals a unit another one holds
 * but has not started.
 */
public final class LoadScheduling implements SchedulingPolicy {
    /** Units expected to take this long or longer go only to a worker that is free to start them. */
    public static final long AHEAD_MAX_MILLIS = 1_000;
    /** For a worker a round trip away, units shorter than this many round trips are held ahead too. */
    public static final long ROUND_TRIPS_AHEAD = 10;

    private final Deque<TestUnit> queue;
    private final int ahead;
    private final ToLongFunction<TestUnit> expectedMillis;
    private final Map<WorkerRef, Deque<TestUnit>> held = new LinkedHashMap<>();
    /** Measured round trips, by worker; absent for local workers. */
    private final Map<WorkerRef, Long> roundTrips = new HashMap<>();
    /** Units asked back and not answered yet, by id, with the worker holding them. */
    private final Map<Integer, WorkerRef> revoking = new HashMap<>();

    /**
     * @param units in the order to hand them out (longest expected first, when known)
     * @param expectedMillis a unit's expected duration; equal (say 0) for all when nothing is known
     */
    public LoadScheduling(List<TestUnit> units, int ahead, ToLongFunction<TestUnit> expectedMillis) {
        if (ahead < 0) {
            throw new IllegalArgumentException("ahead must be >= 0, got " + ahead);
        }
        this.queue = new ArrayDeque<>(units);
        this.ahead = ahead;
        this.expectedMillis = expectedMillis;
    }

    @Override
    public void addWorker(WorkerRef worker) {
        if (held.putIfAbsent(worker, new ArrayDeque<>()) != null) {
            throw new IllegalStateException("worker " + worker.id() + " was added twice");
        }
    }

    @Override
    public List<Assignment> assignments() {
        List<Assignment> assignments = new ArrayList<>();
        // fill round-robin, one unit per worker per pass, so that idle workers are served first
        for (int depth = 0; depth <= ahead && !queue.isEmpty(); depth++) {
            for (Map.Entry<WorkerRef, Deque<TestUnit>> entry : held.entrySet()) {
                if (entry.getValue().size() == depth && !queue.isEmpty()
                        && (depth == 0 || expectedMillis.applyAsLong(queue.peekFirst()) < aheadMaxMillis(entry.getKey()))) {
                    TestUnit unit = queue.pollFirst();
                    entry.getValue().add(unit);
                    assignments.add(new Assignment(entry.getKey(), unit));
                }
            }
        }
        return assignments;
    }

    @Override
    public void roundTrip(WorkerRef worker, long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("round trip of " + worker.id() + " must be >= 0 ms, got " + millis);
        }
        roundTrips.put(worker, millis);
    }

    /** Units expected to take this long or longer are not held ahead by {@code worker}. */
    private long aheadMaxMillis(WorkerRef worker) {
        return Math.max(AHEAD_MAX_MILLIS, ROUND_TRIPS_AHEAD * roundTrips.getOrDefault(worker, 0L));
    }

    /** With nothing left in the queue, each idle worker gets the longest unit that waits behind a running one. */
    @Override
    public List<Assignment> revocations() {
        if (!queue.isEmpty()) {
            return List.of();
        }
        long idle = held.values().stream().filter(Deque::isEmpty).count() - revoking.size();
        List<Assignment> revocations = new ArrayList<>();
        for (; idle > 0; idle--) {
            Assignment best = null;
            long bestMillis = -1;
            long bestRunningMillis = -1;
            for (Map.Entry<WorkerRef, Deque<TestUnit>> entry : held.entrySet()) {
                Iterator<TestUnit> units = entry.getValue().iterator();
                if (!units.hasNext()) {
                    continue;
                }
                long runningMillis = expectedMillis.applyAsLong(units.next());
                while (units.hasNext()) {
                    TestUnit waiting = units.next();
                    long millis = expectedMillis.applyAsLong(waiting);
                    boolean better = millis > bestMillis || (millis == bestMillis && runningMillis > bestRunningMillis);
                    if (!revoking.containsKey(waiting.id()) && better) {
                        best = new Assignment(entry.getKey(), waiting);
                        bestMillis = millis;
                        bestRunningMillis = runningMillis;
                    }
                }
            }
            if (best == null) {
                break;
            }
            revoking.put(best.unit().id(), best.worker());
            revocations.add(best);
        }
        return revocations;
    }

    @Override
    public void revoked(WorkerRef worker, int unitId, boolean returned) {
        if (!worker.equals(revoking.remove(unitId)) || !returned) {
            return;
        }
        Deque<TestUnit> units = heldBy(worker);
        for (Iterator<TestUnit> it = units.iterator(); it.hasNext(); ) {
            TestUnit unit = it.next();
            if (unit.id() == unitId) {
                it.remove();
                queue.addFirst(unit);
                return;
            }
        }
        throw new IllegalStateException("worker " + worker.id() + " returned unit " + unitId + " it did not hold");
    }

    @Override
    public Optional<TestUnit> running(WorkerRef worker) {
        Deque<TestUnit> units = held.get(worker);
        return units == null ? Optional.empty() : Optional.ofNullable(units.peekFirst());
    }

    @Override
    public void unitFinished(WorkerRef worker, TestUnit unit) {
        Deque<TestUnit> units = heldBy(worker);
        if (!units.remove(unit)) {
            throw new IllegalStateException("worker " + worker.id() + " finished unit " + unit.id() + " it did not hold");
        }
    }

    @Override
    public List<TestUnit> workerLost(WorkerRef worker) {
        Deque<TestUnit> units = heldBy(worker);
        held.remove(worker);
        revoking.values().removeIf(worker::equals);
        List<TestUnit> lost = new ArrayList<>(units);
        // units not yet started go back to the front, in their order
        for (int i = lost.size() - 1; i >= 1; i--) {
            queue.addFirst(lost.get(i));
        }
        return lost;
    }

    @Override
    public void requeue(TestUnit unit) {
        queue.addFirst(unit);
    }

    @Override
    public boolean finished() {
        return queue.isEmpty() && held.values().stream().allMatch(Deque::isEmpty);
    }

    @Override
    public List<TestUnit> drain() {
        List<TestUnit> drained = List.copyOf(queue);
        queue.clear();
        return drained;
    }

    private Deque<TestUnit> heldBy(WorkerRef worker) {
        Deque<TestUnit> units = held.get(worker);
        if (units == null) {
            throw new IllegalStateException("unknown worker " + worker.id());
        }
        return units;
    }
}
