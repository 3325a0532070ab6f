package io.distest.maven.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LoadSchedulingTest {
    private static final WorkerRef GW0 = new WorkerRef("gw0");
    private static final WorkerRef GW1 = new WorkerRef("gw1");

    private static List<TestUnit> units(int count) {
        return IntStream.range(0, count).mapToObj(i -> TestUnit.wholeClass(i, "T" + i)).toList();
    }

    private static List<String> describe(List<Assignment> assignments) {
        return assignments.stream().map(a -> a.worker().id() + ":" + a.unit().className()).toList();
    }

    @Test
    void servesEveryIdleWorkerBeforeGivingAnyoneWorkAhead() {
        LoadScheduling policy = new LoadScheduling(units(5), 1);
        policy.addWorker(GW0);
        policy.addWorker(GW1);
        assertEquals(List.of("gw0:T0", "gw1:T1", "gw0:T2", "gw1:T3"), describe(policy.assignments()));
        assertEquals(List.of(), policy.assignments(), "nobody has room until a unit finishes");
    }

    @Test
    void handsTheNextUnitToTheWorkerThatFinished() {
        LoadScheduling policy = new LoadScheduling(units(5), 1);
        policy.addWorker(GW0);
        policy.addWorker(GW1);
        policy.assignments();
        policy.unitFinished(GW1, TestUnit.wholeClass(1, "T1"));
        assertEquals(List.of("gw1:T4"), describe(policy.assignments()));
    }

    @Test
    void neverHoldsMoreThanOneUnitAheadSoASlowUnitStrandsLittle() {
        LoadScheduling policy = new LoadScheduling(units(10), 1);
        policy.addWorker(GW0);
        assertEquals(2, policy.assignments().size());
        assertEquals(List.of(), policy.assignments());
    }

    @Test
    void requeuesUnstartedUnitsOfALostWorkerAtTheFront() {
        LoadScheduling policy = new LoadScheduling(units(4), 1);
        policy.addWorker(GW0);
        policy.addWorker(GW1);
        policy.assignments(); // gw0: T0,T2  gw1: T1,T3
        List<TestUnit> lost = policy.workerLost(GW0);
        assertEquals(List.of("T0", "T2"), lost.stream().map(TestUnit::className).toList());
        assertEquals(List.of("T2"), policy.unassigned().stream().map(TestUnit::className).toList(),
                "the running unit is the caller's to report, the unstarted one is queued again");
        policy.unitFinished(GW1, lost.get(0).id() == 1 ? lost.get(0) : TestUnit.wholeClass(1, "T1"));
        assertEquals(List.of("gw1:T2"), describe(policy.assignments()));
    }

    @Test
    void finishesOnlyWhenQueueAndWorkersAreEmpty() {
        LoadScheduling policy = new LoadScheduling(units(2), 0);
        policy.addWorker(GW0);
        assertFalse(policy.finished());
        List<TestUnit> done = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            Assignment a = policy.assignments().get(0);
            assertFalse(policy.finished());
            policy.unitFinished(GW0, a.unit());
            done.add(a.unit());
        }
        assertTrue(policy.finished());
        assertEquals(units(2), done);
    }

    @Test
    void requeuedUnitIsHandedOutFirst() {
        LoadScheduling policy = new LoadScheduling(units(2), 0);
        policy.requeue(TestUnit.wholeClass(9, "Again"));
        policy.addWorker(GW0);
        assertEquals(List.of("gw0:Again"), describe(policy.assignments()));
    }

    @Test
    void refusesAUnitTheWorkerDidNotHold() {
        LoadScheduling policy = new LoadScheduling(units(1), 0);
        policy.addWorker(GW0);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> policy.unitFinished(GW0, TestUnit.wholeClass(5, "T5")));
        assertTrue(e.getMessage().contains("gw0"), e.getMessage());
    }
}
