package io.distest.maven.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
        LoadScheduling policy = new LoadScheduling(units(5), 1, unit -> 0);
        policy.addWorker(GW0);
        policy.addWorker(GW1);
        assertEquals(List.of("gw0:T0", "gw1:T1", "gw0:T2", "gw1:T3"), describe(policy.assignments()));
        assertEquals(List.of(), policy.assignments(), "nobody has room until a unit finishes");
    }

    @Test
    void handsTheNextUnitToTheWorkerThatFinished() {
        LoadScheduling policy = new LoadScheduling(units(5), 1, unit -> 0);
        policy.addWorker(GW0);
        policy.addWorker(GW1);
        policy.assignments();
        policy.unitFinished(GW1, TestUnit.wholeClass(1, "T1"));
        assertEquals(List.of("gw1:T4"), describe(policy.assignments()));
    }

    @Test
    void aWorkerRunsTheFirstUnitItHoldsAndThenTheNextOrNothingOnceGone() {
        LoadScheduling policy = new LoadScheduling(units(3), 1, unit -> 0);
        policy.addWorker(GW0);
        assertEquals(Optional.empty(), policy.running(GW0), "holds nothing yet");
        policy.assignments(); // gw0: T0, T1 ahead
        assertEquals("T0", policy.running(GW0).orElseThrow().className());
        policy.unitFinished(GW0, TestUnit.wholeClass(0, "T0"));
        assertEquals("T1", policy.running(GW0).orElseThrow().className(), "the unit held ahead runs next");
        policy.workerLost(GW0);
        assertEquals(Optional.empty(), policy.running(GW0));
    }

    @Test
    void neverHoldsMoreThanOneUnitAheadSoASlowUnitStrandsLittle() {
        LoadScheduling policy = new LoadScheduling(units(10), 1, unit -> 0);
        policy.addWorker(GW0);
        assertEquals(2, policy.assignments().size());
        assertEquals(List.of(), policy.assignments());
    }

    @Test
    void requeuesUnstartedUnitsOfALostWorkerAtTheFront() {
        LoadScheduling policy = new LoadScheduling(units(4), 1, unit -> 0);
        policy.addWorker(GW0);
        policy.addWorker(GW1);
        policy.assignments(); // gw0: T0,T2  gw1: T1,T3
        List<TestUnit> lost = policy.workerLost(GW0);
        assertEquals(List.of("T0", "T2"), lost.stream().map(TestUnit::className).toList());
        List<TestUnit> queued = policy.drain();
        assertEquals(List.of("T2"), queued.stream().map(TestUnit::className).toList(),
                "the running unit is the caller's to report, the unstarted one is queued again");
        queued.forEach(policy::requeue);
        policy.unitFinished(GW1, lost.get(0).id() == 1 ? lost.get(0) : TestUnit.wholeClass(1, "T1"));
        assertEquals(List.of("gw1:T2"), describe(policy.assignments()));
    }

    @Test
    void finishesOnlyWhenQueueAndWorkersAreEmpty() {
        LoadScheduling policy = new LoadScheduling(units(2), 0, unit -> 0);
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
        LoadScheduling policy = new LoadScheduling(units(2), 0, unit -> 0);
        policy.requeue(TestUnit.wholeClass(9, "Again"));
        policy.addWorker(GW0);
        assertEquals(List.of("gw0:Again"), describe(policy.assignments()));
    }

    /** Units T0..Tn-1 expected to take the given milliseconds, in that (longest first) order. */
    private static LoadScheduling withDurations(int ahead, long... millis) {
        List<TestUnit> units = IntStream.range(0, millis.length).mapToObj(i -> TestUnit.wholeClass(i, "T" + i)).toList();
        return new LoadScheduling(units, ahead, unit -> millis[unit.id()]);
    }

    @Test
    void neverHoldsALongUnitAheadSoItStartsOnTheFirstFreeWorker() {
        LoadScheduling policy = withDurations(1, 5000, 4000, 3000, 30, 20, 10);
        policy.addWorker(GW0);
        assertEquals(List.of("gw0:T0"), describe(policy.assignments()),
                "the second longest does not wait behind the longest on the first worker to arrive");
        policy.addWorker(GW1);
        assertEquals(List.of("gw1:T1"), describe(policy.assignments()));
        policy.unitFinished(GW1, TestUnit.wholeClass(1, "T1"));
        assertEquals(List.of("gw1:T2", "gw0:T3", "gw1:T4"), describe(policy.assignments()),
                "the longest left goes to the free worker; short ones may wait ahead");
        policy.unitFinished(GW0, TestUnit.wholeClass(0, "T0")); // gw0 goes on with T3
        assertEquals(List.of("gw0:T5"), describe(policy.assignments()));
    }

    @Test
    void aWorkerARoundTripAwayHoldsLongerUnitsAheadThanALocalOne() {
        LoadScheduling policy = withDurations(1, 9000, 4000, 1500, 1500);
        policy.addWorker(GW0);
        policy.addWorker(GW1);
        policy.roundTrip(GW1, 200); // 10 round trips: units under 2 s are held ahead there
        assertEquals(List.of("gw0:T0", "gw1:T1", "gw1:T2"), describe(policy.assignments()),
                "gw1 holds the 1.5 s unit ahead, so it does not idle a round trip before it; local gw0 would not");
        policy.unitFinished(GW1, TestUnit.wholeClass(1, "T1")); // gw1 goes on with T2 at once
        assertEquals(List.of("gw1:T3"), describe(policy.assignments()));
    }

    @Test
    void aLongUnitIsNotHeldAheadEvenByAFarWorker() {
        LoadScheduling policy = withDurations(1, 3700, 3700, 300);
        policy.addWorker(GW0);
        policy.roundTrip(GW0, 150);
        assertEquals(List.of("gw0:T0"), describe(policy.assignments()),
                "the second longest waits for the next free worker, not behind the longest");
    }

    @Test
    void aRoundTripOfTheLoopbackKeepsTheOneSecondLimit() {
        LoadScheduling policy = withDurations(1, 9000, 1500);
        policy.addWorker(GW0);
        policy.roundTrip(GW0, 1);
        assertEquals(List.of("gw0:T0"), describe(policy.assignments()), "a 1.5 s unit is not held ahead 1 ms away");
    }

    @Test
    void refusesANegativeRoundTripNamingTheWorker() {
        LoadScheduling policy = withDurations(1, 10);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> policy.roundTrip(GW1, -5));
        assertEquals("round trip of gw1 must be >= 0 ms, got -5", e.getMessage());
    }

    @Test
    void stealsAUnitWaitingBehindARunningOneForAnIdleWorkerOnceTheQueueIsEmpty() {
        LoadScheduling policy = new LoadScheduling(units(3), 1, unit -> 0);
        policy.addWorker(GW0);
        policy.addWorker(GW1);
        policy.assignments(); // gw0: T0 + T2 waiting, gw1: T1
        assertEquals(List.of(), policy.revocations(), "nobody is idle");
        policy.unitFinished(GW1, TestUnit.wholeClass(1, "T1"));
        assertEquals(List.of(), policy.assignments());
        assertEquals(List.of("gw0:T2"), describe(policy.revocations()));
        assertEquals(List.of(), policy.revocations(), "asked back once");

        policy.revoked(GW0, 2, true);
        assertEquals(List.of("gw1:T2"), describe(policy.assignments()), "the returned unit goes to the idle worker");
        policy.unitFinished(GW0, TestUnit.wholeClass(0, "T0"));
        policy.unitFinished(GW1, TestUnit.wholeClass(2, "T2"));
        assertTrue(policy.finished());
    }

    @Test
    void neverStealsWhileUnitsAreQueued() {
        LoadScheduling policy = new LoadScheduling(units(6), 1, unit -> 0);
        policy.addWorker(GW0);
        policy.assignments(); // gw0: T0 + T1 waiting; T2.. queued
        policy.addWorker(GW1);
        assertEquals(List.of(), policy.revocations());
        assertEquals(List.of("gw1:T2", "gw1:T3"), describe(policy.assignments()));
    }

    @Test
    void aUnitThatAlreadyStartedStaysWithItsWorker() {
        LoadScheduling policy = new LoadScheduling(units(2), 1, unit -> 0);
        policy.addWorker(GW0);
        policy.assignments(); // gw0: T0 + T1 waiting
        policy.addWorker(GW1);
        assertEquals(List.of("gw0:T1"), describe(policy.revocations()));
        policy.unitFinished(GW0, TestUnit.wholeClass(0, "T0")); // gw0 went on to T1 before the question arrived
        policy.revoked(GW0, 1, false);
        assertEquals(List.of(), policy.assignments());
        assertEquals(List.of(), policy.revocations(), "T1 runs: nothing left to steal");
        policy.unitFinished(GW0, TestUnit.wholeClass(1, "T1"));
        assertTrue(policy.finished());
    }

    @Test
    void stealsTheLongestWaitingUnit() {
        LoadScheduling policy = withDurations(1, 900, 800, 40, 50);
        policy.addWorker(GW0);
        policy.addWorker(GW1);
        policy.assignments(); // gw0: T0 + T2 (40), gw1: T1 + T3 (50)
        policy.addWorker(new WorkerRef("gw2"));
        assertEquals(List.of("gw1:T3"), describe(policy.revocations()));
    }

    @Test
    void forgetsWhatItAskedBackFromALostWorker() {
        LoadScheduling policy = new LoadScheduling(units(2), 1, unit -> 0);
        policy.addWorker(GW0);
        policy.assignments(); // gw0: T0 + T1 waiting
        policy.addWorker(GW1);
        policy.revocations();
        policy.workerLost(GW0);
        policy.revoked(GW0, 1, true); // a late answer from the dead worker changes nothing
        assertEquals(List.of("gw1:T1"), describe(policy.assignments()));
    }

    @Test
    void refusesAUnitTheWorkerDidNotHold() {
        LoadScheduling policy = new LoadScheduling(units(1), 0, unit -> 0);
        policy.addWorker(GW0);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> policy.unitFinished(GW0, TestUnit.wholeClass(5, "T5")));
        assertTrue(e.getMessage().contains("gw0"), e.getMessage());
    }
}
