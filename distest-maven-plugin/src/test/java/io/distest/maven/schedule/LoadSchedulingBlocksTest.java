package io.distest.maven.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@link LoadScheduling} with blocks of units that share a fixture (a Spring context). */
class LoadSchedulingBlocksTest {
    private static final WorkerRef GW0 = new WorkerRef("gw0");
    private static final WorkerRef GW1 = new WorkerRef("gw1");

    /** Units named by their block: "A0" belongs to block "spring#a", "P4" to none. */
    private static List<TestUnit> units(String... names) {
        return IntStream.range(0, names.length).mapToObj(i -> TestUnit.wholeClass(i, names[i])).toList();
    }

    private static String blockOf(TestUnit unit) {
        return unit.className().startsWith("P") ? "" : "spring#" + unit.className().substring(0, 1).toLowerCase();
    }

    private static LoadScheduling policy(List<TestUnit> units, long unitMillis, long startMillis) {
        return new LoadScheduling(units, 1, unit -> unitMillis, LoadSchedulingBlocksTest::blockOf, block -> startMillis);
    }

    private static List<String> describe(List<Assignment> assignments) {
        return assignments.stream().map(a -> a.worker().id() + ":" + a.unit().className()).toList();
    }

    private static void finish(LoadScheduling policy, WorkerRef worker, List<Assignment> assignments) {
        assignments.stream().filter(a -> a.worker().equals(worker)).forEach(a -> policy.unitFinished(worker, a.unit()));
    }

    @Test
    void eachWorkerClaimsABlockAndRunsItsUnitsBackToBack() {
        // the planner's order: block a, block b, interleaved here on purpose
        LoadScheduling policy = policy(units("A0", "B1", "A2", "B3", "A4", "B5"), 100, 1500);
        policy.addWorker(GW0);
        policy.addWorker(GW1);
        List<Assignment> first = policy.assignments();
        assertEquals(List.of("gw0:A0", "gw1:B1", "gw0:A2", "gw1:B3"), describe(first));
        finish(policy, GW0, first);
        assertEquals(List.of("gw0:A4"), describe(policy.assignments()), "gw0 finishes its own block");
        finish(policy, GW1, first);
        assertEquals(List.of("gw1:B5"), describe(policy.assignments()));
    }

    @Test
    void anIdleWorkerLeavesAnotherWorkersBlockAloneWhenItsRestDoesNotPayForASecondStart() {
        // block a: 4 units of 0.5 s left behind gw0's; a second start costs 1.5 s: 2 s is not more than twice that
        LoadScheduling policy = policy(units("A0", "A1", "A2", "A3", "A4", "P5"), 500, 1500);
        policy.addWorker(GW0);
        policy.addWorker(GW1);
        List<Assignment> first = policy.assignments();
        assertEquals(List.of("gw0:A0", "gw1:P5", "gw0:A1"), describe(first), "gw1 skips the claimed block");
        finish(policy, GW1, first);
        assertEquals(List.of(), policy.assignments(), "idle gw1 does not start the context again for 1.5 s of tests");
    }

    @Test
    void anIdleWorkerJoinsABlockWhoseRestIsMoreThanTwiceItsStart() {
        LoadScheduling policy = policy(units("A0", "A1", "A2", "A3", "A4", "A5", "A6", "A7", "P8"), 500, 1000);
        policy.addWorker(GW0);
        policy.addWorker(GW1);
        List<Assignment> first = policy.assignments();
        finish(policy, GW1, first); // P8 done; block a has 6 × 0.5 s = 3 s queued, more than 2 × 1 s
        assertEquals(List.of("gw1:A2", "gw1:A3"), describe(policy.assignments()));
    }

    @Test
    void aLostWorkersBlockIsTakenUpByTheNextIdleWorker() {
        LoadScheduling policy = policy(units("A0", "A1", "A2", "P3"), 100, 5000);
        policy.addWorker(GW0);
        policy.addWorker(GW1);
        List<Assignment> first = policy.assignments();
        assertEquals(List.of("gw0:A0", "gw1:P3", "gw0:A1"), describe(first));
        policy.workerLost(GW0);
        finish(policy, GW1, first);
        assertEquals(List.of("gw1:A1", "gw1:A2"), describe(policy.assignments()));
    }

    @Test
    void neverStealsAUnitOfABlockThatAnotherWorkerHoldsAhead() {
        LoadScheduling policy = policy(units("A0", "A1", "P2"), 100, 1500);
        policy.addWorker(GW0);
        policy.addWorker(GW1);
        List<Assignment> first = policy.assignments(); // gw0: A0 + A1 ahead; gw1: P2
        finish(policy, GW1, first);
        assertEquals(List.of(), policy.revocations(), "A1 would start the context again on gw1");
    }
}
