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
import java.util.function.Function;
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
 *
 * <p>Units that share a fixture ({@link FixtureBlocks}: a Spring context) form a block: the first worker to take one
 * of its units claims the block and runs the rest of it back to back; other workers leave it alone, except an idle
 * worker with nothing else to take, which joins a block whose queued rest is more than twice its fixture's start
 * (then both halves end sooner although the fixture starts twice). A block's unit is never stolen.
 */
public final class LoadScheduling implements SchedulingPolicy {
    /** Units expected to take this long or longer go only to a worker that is free to start them. */
    public static final long AHEAD_MAX_MILLIS = 1_000;
    /** For a worker a round trip away, units shorter than this many round trips are held ahead too. */
    public static final long ROUND_TRIPS_AHEAD = 10;

    private final Deque<TestUnit> queue;
    private final int ahead;
    private final ToLongFunction<TestUnit> expectedMillis;
    private final Function<TestUnit, String> blockOf;
    private final ToLongFunction<String> startMillis;
    private final Map<WorkerRef, Deque<TestUnit>> held = new LinkedHashMap<>();
    /** The block each worker works through. */
    private final Map<WorkerRef, String> claims = new HashMap<>();
    /** Measured round trips, by worker; absent for local workers. */
    private final Map<WorkerRef, Long> roundTrips = new HashMap<>();
    /** Units asked back and not answered yet, by id, with the worker holding them. */
    private final Map<Integer, WorkerRef> revoking = new HashMap<>();

    /**
     * @param units in the order to hand them out (longest expected first, when known)
     * @param expectedMillis a unit's expected duration; equal (say 0) for all when nothing is known
     */
    public LoadScheduling(List<TestUnit> units, int ahead, ToLongFunction<TestUnit> expectedMillis) {
        this(units, ahead, expectedMillis, unit -> "", block -> 0);
    }

    /**
     * @param blockOf the block of units sharing a fixture a unit belongs to; empty for none
     * @param startMillis what starting a block's fixture costs
     */
    public LoadScheduling(List<TestUnit> units, int ahead, ToLongFunction<TestUnit> expectedMillis,
            Function<TestUnit, String> blockOf, ToLongFunction<String> startMillis) {
        if (ahead < 0) {
            throw new IllegalArgumentException("ahead must be >= 0, got " + ahead);
        }
        this.queue = new ArrayDeque<>(units);
        this.ahead = ahead;
        this.expectedMillis = expectedMillis;
        this.blockOf = blockOf;
        this.startMillis = startMillis;
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
                if (entry.getValue().size() != depth || queue.isEmpty()) {
                    continue;
                }
                TestUnit unit = next(entry.getKey(), depth);
                if (unit != null) {
                    queue.remove(unit);
                    entry.getValue().add(unit);
                    assignments.add(new Assignment(entry.getKey(), unit));
                }
            }
        }
        return assignments;
    }

    /**
     * What the worker takes now, holding {@code depth} units: the next unit of its block; else the first unit no other
     * worker's block holds (claiming its block), a new block only when idle; else, when idle, a share of the block
     * whose rest pays for a second fixture start. A unit is held ahead only when short.
     */
    private TestUnit next(WorkerRef worker, int depth) {
        String claim = claims.get(worker);
        if (claim != null) {
            TestUnit mine = firstOf(claim);
            if (mine != null) {
                return depth == 0 || expectedMillis.applyAsLong(mine) < aheadMaxMillis(worker) ? mine : null;
            }
            claims.remove(worker);
        }
        TestUnit free = queue.stream().filter(unit -> !claimedByAnother(blockOf.apply(unit), worker)).findFirst()
                .orElse(null);
        if (free == null) {
            return depth == 0 ? joinBlock(worker) : null;
        }
        String block = blockOf.apply(free);
        if (depth > 0 && (!block.isEmpty() || expectedMillis.applyAsLong(free) >= aheadMaxMillis(worker))) {
            return null;
        }
        if (!block.isEmpty()) {
            claims.put(worker, block);
        }
        return free;
    }

    /** The first queued unit of the block another worker works through whose rest pays for a second start. */
    private TestUnit joinBlock(WorkerRef worker) {
        Map<String, Long> rest = new LinkedHashMap<>();
        queue.forEach(unit -> rest.merge(blockOf.apply(unit), expectedMillis.applyAsLong(unit), Long::sum));
        return rest.entrySet().stream()
                .filter(block -> !block.getKey().isEmpty() && block.getValue() > 2 * startMillis.applyAsLong(block.getKey()))
                .max(Map.Entry.comparingByValue())
                .map(block -> {
                    claims.put(worker, block.getKey());
                    return firstOf(block.getKey());
                })
                .orElse(null);
    }

    private TestUnit firstOf(String block) {
        return queue.stream().filter(unit -> blockOf.apply(unit).equals(block)).findFirst().orElse(null);
    }

    private boolean claimedByAnother(String block, WorkerRef worker) {
        return !block.isEmpty() && claims.entrySet().stream()
                .anyMatch(claim -> claim.getValue().equals(block) && !claim.getKey().equals(worker));
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
                    if (!blockOf.apply(waiting).isEmpty()) {
                        continue; // it would start its fixture again elsewhere
                    }
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
        claims.remove(worker);
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
    public int waiting() {
        return queue.size();
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
