package io.distest.maven.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EachSchedulingTest {
    private static final WorkerRef JDK17 = new WorkerRef("gw0", "jdk17");
    private static final WorkerRef JDK25 = new WorkerRef("gw1", "jdk25");

    private static EachScheduling policy() {
        TestUnit a = TestUnit.wholeClass(0, "A");
        TestUnit b = TestUnit.wholeClass(1, "B");
        return new EachScheduling(Map.of(
                "jdk17", List.of(a.forGroup(10, "jdk17"), b.forGroup(11, "jdk17")),
                "jdk25", List.of(a.forGroup(20, "jdk25"), b.forGroup(21, "jdk25"))),
                units -> new LoadScheduling(units, 0, unit -> 0));
    }

    private static List<String> describe(List<Assignment> assignments) {
        return assignments.stream().map(a -> a.worker().id() + ":" + a.unit().className() + "@" + a.unit().group())
                .sorted().toList();
    }

    @Test
    void runsEveryUnitOnEveryGateway() {
        EachScheduling policy = policy();
        policy.addWorker(JDK17);
        policy.addWorker(JDK25);
        assertEquals(List.of("gw0:A@jdk17", "gw1:A@jdk25"), describe(policy.assignments()));
    }

    @Test
    void keepsALostWorkersUnitsOnItsOwnGateway() {
        EachScheduling policy = policy();
        policy.addWorker(JDK17);
        policy.addWorker(JDK25);
        policy.assignments();
        List<TestUnit> lost = policy.workerLost(JDK25);
        policy.requeue(lost.get(0).again(99, List.of(), List.of()));
        policy.unitFinished(JDK17, TestUnit.wholeClass(10, "A").forGroup(10, "jdk17"));
        assertEquals(List.of("gw0:B@jdk17"), describe(policy.assignments()), "jdk25's work waits for a jdk25 worker");
        policy.addWorker(new WorkerRef("gw1", "jdk25"));
        assertEquals(List.of("gw1:A@jdk25"), describe(policy.assignments()));
    }

    @Test
    void finishesWhenEveryGatewayIsDone() {
        EachScheduling policy = policy();
        policy.addWorker(JDK17);
        for (int i = 0; i < 2; i++) {
            Assignment a = policy.assignments().get(0);
            policy.unitFinished(JDK17, a.unit());
        }
        assertFalse(policy.finished());
        assertEquals(2, policy.drain().size());
    }

    @Test
    void refusesAUnitListedUnderAnotherGroup() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new EachScheduling(
                Map.of("jdk17", List.of(TestUnit.wholeClass(0, "A").forGroup(0, "jdk25"))), u -> new LoadScheduling(u, 0, unit -> 0)));
        assertTrue(e.getMessage().contains("jdk25"), e.getMessage());
    }
}
