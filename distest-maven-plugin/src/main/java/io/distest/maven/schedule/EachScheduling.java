package io.distest.maven.schedule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code dist=each}: every unit runs once on every gateway. Each gateway (a group of workers from one tx spec) has
 * its own {@link LoadScheduling}; a unit never crosses to another gateway, so what a dead worker held goes to a
 * replacement of the same spec, never to another platform.
 */
public final class EachScheduling implements SchedulingPolicy {
    private final Map<String, SchedulingPolicy> byGroup = new LinkedHashMap<>();

    /**
     * @param unitsByGroup the units of every gateway, each unit already carrying its group
     * @param policyForGroup how one gateway's units are scheduled among its workers
     */
    public EachScheduling(Map<String, List<TestUnit>> unitsByGroup, Function<List<TestUnit>, SchedulingPolicy> policyForGroup) {
        unitsByGroup.forEach((group, units) -> {
            for (TestUnit unit : units) {
                if (!unit.group().equals(group)) {
                    throw new IllegalArgumentException("unit " + unit.id() + " of group \"" + unit.group()
                            + "\" listed under group \"" + group + "\"");
                }
            }
            byGroup.put(group, policyForGroup.apply(units));
        });
    }

    private SchedulingPolicy of(String group) {
        SchedulingPolicy policy = byGroup.get(group);
        if (policy == null) {
            throw new IllegalStateException("no gateway group \"" + group + "\"; known: " + byGroup.keySet());
        }
        return policy;
    }

    @Override
    public void addWorker(WorkerRef worker) {
        of(worker.group()).addWorker(worker);
    }

    @Override
    public void roundTrip(WorkerRef worker, long millis) {
        of(worker.group()).roundTrip(worker, millis);
    }

    @Override
    public List<Assignment> assignments() {
        return collect(SchedulingPolicy::assignments);
    }

    @Override
    public Optional<TestUnit> running(WorkerRef worker) {
        return of(worker.group()).running(worker);
    }

    @Override
    public void unitFinished(WorkerRef worker, TestUnit unit) {
        of(worker.group()).unitFinished(worker, unit);
    }

    @Override
    public List<TestUnit> workerLost(WorkerRef worker) {
        return of(worker.group()).workerLost(worker);
    }

    @Override
    public void requeue(TestUnit unit) {
        of(unit.group()).requeue(unit);
    }

    @Override
    public boolean finished() {
        return byGroup.values().stream().allMatch(SchedulingPolicy::finished);
    }

    @Override
    public int waiting() {
        return byGroup.values().stream().mapToInt(SchedulingPolicy::waiting).sum();
    }

    @Override
    public List<TestUnit> drain() {
        return collect(SchedulingPolicy::drain);
    }

    @Override
    public List<Assignment> revocations() {
        return collect(SchedulingPolicy::revocations);
    }

    @Override
    public void revoked(WorkerRef worker, int unitId, boolean returned) {
        of(worker.group()).revoked(worker, unitId, returned);
    }

    private <T> List<T> collect(Function<SchedulingPolicy, List<T>> each) {
        List<T> all = new ArrayList<>();
        byGroup.values().forEach(policy -> all.addAll(each.apply(policy)));
        return all;
    }
}
