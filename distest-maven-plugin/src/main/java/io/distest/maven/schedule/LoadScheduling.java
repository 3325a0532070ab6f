package io.distest.maven.schedule;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code dist=load}: one shared queue; every worker holds at most the unit it runs plus {@code ahead} more,
 * so that it never waits for a round trip, and a slow unit strands little queued work behind it.
 */
public final class LoadScheduling implements SchedulingPolicy {
    private final Deque<TestUnit> queue;
    private final int ahead;
    private final Map<WorkerRef, Deque<TestUnit>> held = new LinkedHashMap<>();

    public LoadScheduling(List<TestUnit> units, int ahead) {
        if (ahead < 0) {
            throw new IllegalArgumentException("ahead must be >= 0, got " + ahead);
        }
        this.queue = new ArrayDeque<>(units);
        this.ahead = ahead;
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
                if (entry.getValue().size() == depth && !queue.isEmpty()) {
                    TestUnit unit = queue.poll();
                    entry.getValue().add(unit);
                    assignments.add(new Assignment(entry.getKey(), unit));
                }
            }
        }
        return assignments;
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
    public List<TestUnit> unassigned() {
        return List.copyOf(queue);
    }

    private Deque<TestUnit> heldBy(WorkerRef worker) {
        Deque<TestUnit> units = held.get(worker);
        if (units == null) {
            throw new IllegalStateException("unknown worker " + worker.id());
        }
        return units;
    }
}
