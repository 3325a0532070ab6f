package io.distest.maven.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distest.maven.schedule.TestUnit;
import io.distest.maven.timeline.RunModel.Bar;
import io.distest.maven.timeline.RunModel.Kind;
import io.distest.maven.timeline.RunModel.Lane;
import io.distest.maven.timeline.RunModel.Outcome;
import io.distest.protocol.TestFinished;
import io.distest.protocol.TestId;
import io.distest.protocol.WorkerFacts;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The recorder fed by hand, with a clock the test moves. */
class TimelineRecorderTest {
    private long nanos = 1_000_000_000L;
    private final TimelineRecorder recorder = new TimelineRecorder(() -> nanos,
            unit -> unit.id() == 2 ? unit.className() + " (part 1 of 2)" : unit.className(),
            unit -> Map.of(0, 900L, 2, 300L).getOrDefault(unit.id(), 0L), Set.of(0, 1, 2));
    private static final WorkerFacts FACTS = new WorkerFacts("21", "Debian", "Linux", "amd64", "box7", 2, 42);

    private void at(long millis) {
        nanos = 1_000_000_000L + millis * 1_000_000;
    }

    private static TestFinished result(int unitId, String method, io.distest.protocol.Outcome outcome) {
        return new TestFinished(unitId, new TestId("[u]/" + method, "a.Test", method, method), outcome, 5, null, null);
    }

    private static RunModel.Summary summary(long wall, String lastWorker, String longest) {
        return new RunModel.Summary(wall, 2, 1000, 800, 80, 400, 500, lastWorker, longest, false);
    }

    private void twoWorkersReady() {
        recorder.workerStarted("gw0", "2*popen", "");
        recorder.workerStarted("gw1", "2*popen", "");
        at(400);
        recorder.workerConnected("gw0", FACTS);
        recorder.workerReady("gw0");
        at(450);
        recorder.workerReady("gw1");
    }

    @Test
    void drawsOneLanePerWorkerWithItsJvmStartUpAndItsUnitsInOrder() {
        twoWorkersReady();
        TestUnit a = TestUnit.wholeClass(0, "a.ATest");
        TestUnit b = TestUnit.wholeClass(1, "a.BTest");
        recorder.unitStarted("gw0", a);
        recorder.testFinished("gw0", result(0, "x", io.distest.protocol.Outcome.SUCCESSFUL));
        at(1400);
        recorder.unitFinished("gw0", a, 990);
        recorder.unitStarted("gw0", b);
        at(1600);
        recorder.unitFinished("gw0", b, 195);

        RunModel model = recorder.model("t", summary(1700, "gw0", "a.ATest"));

        assertEquals(List.of("gw0", "gw1"), model.lanes().stream().map(Lane::id).toList());
        Lane gw0 = model.lanes().get(0);
        assertEquals("box7", gw0.host());
        assertEquals(List.of(Kind.JVM, Kind.UNIT, Kind.UNIT), gw0.bars().stream().map(Bar::kind).toList());
        assertEquals(Bar.phase(Kind.JVM, 0, 400, "JVM start-up"), gw0.bars().get(0));
        Bar first = gw0.bars().get(1);
        assertEquals(450, first.startMillis());
        assertEquals(1400, first.endMillis());
        assertEquals(990, first.millis(), "the worker's own clock, as the efficiency line counts");
        assertEquals(900L, first.expectedMillis());
        assertEquals(1, first.tests());
        assertNull(gw0.bars().get(2).expectedMillis(), "no history: unknown, not 0");
        assertEquals(List.of(Kind.JVM), model.lanes().get(1).bars().stream().map(Bar::kind).toList());
        assertEquals(1250, model.lanes().get(1).idleMillis(), "gw1 was ready at 0.45 s and ran nothing until 1.7 s");
        assertEquals(150, gw0.idleMillis(), "ready at 0.4 s, first unit at 0.45 s, last ended at 1.6 s of 1.7 s");
    }

    @Test
    void colorsAUnitByItsWorstTest() {
        twoWorkersReady();
        int id = 0;
        for (var outcomes : List.of(List.of(io.distest.protocol.Outcome.SUCCESSFUL, io.distest.protocol.Outcome.SKIPPED),
                List.of(io.distest.protocol.Outcome.SKIPPED, io.distest.protocol.Outcome.ABORTED),
                List.of(io.distest.protocol.Outcome.SUCCESSFUL, io.distest.protocol.Outcome.FAILED),
                List.of(io.distest.protocol.Outcome.FAILED, io.distest.protocol.Outcome.ERROR))) {
            TestUnit unit = TestUnit.wholeClass(id, "a.T" + id);
            recorder.unitStarted("gw0", unit);
            outcomes.forEach(outcome -> recorder.testFinished("gw0", result(unit.id(), "m", outcome)));
            recorder.unitFinished("gw0", unit, 1);
            id++;
        }

        List<Outcome> outcomes = recorder.model("t", summary(500, null, null)).lanes().get(0).bars().stream()
                .filter(bar -> bar.kind() == Kind.UNIT).map(Bar::outcome).toList();

        assertEquals(List.of(Outcome.PASSED, Outcome.SKIPPED, Outcome.FAILED, Outcome.ERROR), outcomes);
    }

    @Test
    void showsAUnitThatCouldNotRunAsAnErrorWithItsCause() {
        twoWorkersReady();
        TestUnit missing = TestUnit.wholeClass(0, "a.Gone");
        recorder.unitStarted("gw0", missing);
        recorder.unitError("gw0", missing, "java.lang.ClassNotFoundException: a.Gone");
        recorder.unitFinished("gw0", missing, 3);

        Bar bar = recorder.model("t", summary(500, null, null)).lanes().get(0).bars().get(1);

        assertEquals(Outcome.ERROR, bar.outcome());
        assertEquals(0, bar.tests());
        assertEquals("java.lang.ClassNotFoundException: a.Gone", bar.note());
    }

    @Test
    void drawsACrashOnOneLaneAndTheRestOfItsClassOnAnother() {
        twoWorkersReady();
        TestUnit crashing = TestUnit.wholeClass(0, "a.ExitingTest");
        recorder.unitStarted("gw0", crashing);
        at(600);
        TestUnit rest = crashing.again(7, List.of(), List.of("[u]/first"));
        recorder.unitLost("gw0", crashing, rest, "worker gw0 (2*popen, pid 9) exited, exit code 3. Last output:\nbye");
        recorder.unitStarted("gw1", rest);
        at(700);
        recorder.unitFinished("gw1", rest, 90);

        RunModel model = recorder.model("t", summary(800, "gw1", "a.ExitingTest"));

        Bar crashed = model.lanes().get(0).bars().get(1);
        assertEquals(Outcome.CRASHED, crashed.outcome());
        assertEquals("worker gw0 (2*popen, pid 9) exited, exit code 3. Last output:", crashed.note());
        assertEquals(150, crashed.millis(), "from its start at 0.45 s to the crash at 0.6 s");
        Bar again = model.lanes().get(1).bars().get(1);
        assertEquals(0, again.restOf());
        assertEquals(7, again.unitId());
        assertEquals(Outcome.PASSED, again.outcome());
        assertFalse(again.rerun());
    }

    @Test
    void marksARevokedUnitAndLeavesUnfinishedOnesCrashedAtTheEnd() {
        twoWorkersReady();
        TestUnit stolen = TestUnit.wholeClass(1, "a.Stolen");
        recorder.unitStarted("gw0", stolen);
        recorder.unitRevoked("gw0", stolen);
        TestUnit hanging = TestUnit.wholeClass(0, "a.Hangs");
        recorder.unitStarted("gw1", hanging);
        at(2000);

        RunModel model = recorder.model("t", summary(1900, null, null));

        assertEquals(Outcome.REVOKED, model.lanes().get(0).bars().get(1).outcome());
        Bar unfinished = model.lanes().get(1).bars().get(1);
        assertEquals(Outcome.CRASHED, unfinished.outcome());
        assertEquals(2000, unfinished.endMillis());
        assertEquals("did not finish: the run ended", unfinished.note());
    }

    @Test
    void marksTheLongestUnitOfTheWorkerThatEndedLastAsCritical() {
        twoWorkersReady();
        TestUnit part = new TestUnit(2, "a.Big", List.of("x*"), List.of());
        TestUnit small = TestUnit.wholeClass(1, "a.Small");
        recorder.unitStarted("gw1", small);
        at(500);
        recorder.unitFinished("gw1", small, 50);
        recorder.unitStarted("gw1", part);
        at(1500);
        recorder.unitFinished("gw1", part, 1000);

        RunModel model = recorder.model("t", summary(1500, "gw1", "a.Big (part 1 of 2)"));

        Lane gw1 = model.lanes().get(1);
        assertTrue(gw1.last());
        assertFalse(model.lanes().get(0).last());
        assertEquals(List.of(false, false, true), gw1.bars().stream().map(Bar::critical).toList());
        assertEquals("a.Big (part 1 of 2)", model.slowest().get(0).label());
    }

    @Test
    void putsTheGatewaysConnectAndSyncOnEachOfItsLanes() {
        at(0);
        long start = nanos;
        at(900);
        recorder.gatewayOpened("2*ssh=ci@build7", start, nanos, 300);
        recorder.workerStarted("gw0", "2*ssh=ci@build7", "");
        recorder.workerStarted("gw1", "2*ssh=ci@build7", "");

        RunModel model = recorder.model("t", summary(1000, null, null));

        for (Lane lane : model.lanes()) {
            assertEquals(List.of(Bar.phase(Kind.CONNECT, 0, 600, "2*ssh=ci@build7"),
                    Bar.phase(Kind.SYNC, 600, 900, "2*ssh=ci@build7")), lane.bars());
        }
    }

    @Test
    void splitsLanesByPlatformForDistEach() {
        recorder.workerStarted("gw0", "popen//java=/jdk17/bin/java", "tx1");
        recorder.workerStarted("gw1", "popen//java=/jdk25/bin/java", "tx2");

        RunModel model = recorder.model("t", summary(10, null, null));

        assertEquals(List.of("tx1", "tx2"), model.groups());
        RunModel tx2 = model.forGroup("tx2", summary(5, null, null));
        assertEquals(List.of("gw1"), tx2.lanes().stream().map(Lane::id).toList());
        assertEquals("t · tx2", tx2.title());
    }
}
