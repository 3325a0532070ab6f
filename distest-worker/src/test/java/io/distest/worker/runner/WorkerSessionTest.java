package io.distest.worker.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distest.protocol.Configure;
import io.distest.protocol.Hello;
import io.distest.protocol.Message;
import io.distest.protocol.MessageChannel;
import io.distest.protocol.Outcome;
import io.distest.protocol.Protocol;
import io.distest.protocol.Revoke;
import io.distest.protocol.Revoked;
import io.distest.protocol.RunUnit;
import io.distest.protocol.Shutdown;
import io.distest.protocol.TestFinished;
import io.distest.protocol.TestOutput;
import io.distest.protocol.UnitFinished;
import io.distest.worker.fixtures.CountingSessionListener;
import io.distest.worker.fixtures.GateFixture;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A worker session over in-memory pipes, running real tests through the launcher. */
class WorkerSessionTest {
    private static final String FIXTURE = "io.distest.worker.fixtures.MixedFixture";

    private PrintStream out;
    private PrintStream err;
    private MessageChannel plugin;
    private CompletableFuture<Integer> exit;
    private int sessionsOpenedBefore;
    private int sessionsClosedBefore;

    @BeforeEach
    void startWorker() throws Exception {
        out = System.out;
        err = System.err;
        sessionsOpenedBefore = CountingSessionListener.OPENED.get();
        sessionsClosedBefore = CountingSessionListener.CLOSED.get();
        PipedInputStream workerIn = new PipedInputStream(1 << 16);
        PipedOutputStream pluginOut = new PipedOutputStream(workerIn);
        PipedInputStream pluginIn = new PipedInputStream(1 << 16);
        PipedOutputStream workerOut = new PipedOutputStream(pluginIn);
        plugin = new MessageChannel(pluginIn, pluginOut, () -> {});
        Worker worker = new Worker("gw7", "token", workerIn, workerOut, () -> {});
        exit = CompletableFuture.supplyAsync(() -> {
            try {
                return worker.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @AfterEach
    void restoreStreams() {
        System.setOut(out);
        System.setErr(err);
    }

    @Test
    void saysHelloThenReportsEveryOutcomeAndExitsOnShutdown() throws Exception {
        Hello hello = (Hello) plugin.receive();
        assertEquals(Protocol.VERSION, hello.protocolVersion());
        assertEquals("gw7", hello.workerId());
        assertEquals("token", hello.token());

        plugin.send(new Configure(List.of(), List.of("slow"), Map.of()));
        plugin.send(new RunUnit(3, FIXTURE, List.of(), List.of()));
        List<Message> events = untilUnitFinished();
        plugin.send(new Shutdown());

        Map<String, Outcome> outcomes = outcomes(events);
        assertEquals(Map.of("a_passesAndPrints", Outcome.SUCCESSFUL, "b_failsAnAssertion", Outcome.FAILED,
                "c_throws", Outcome.ERROR, "d_isAborted", Outcome.ABORTED, "e_isDisabled", Outcome.SKIPPED,
                "f_isParameterized(int)[1]", Outcome.SUCCESSFUL, "f_isParameterized(int)[2]", Outcome.SUCCESSFUL),
                outcomes, "g_isSlow is excluded by its tag");
        assertTrue(events.contains(new TestOutput(3, false, "out line\n")), events.toString());
        assertTrue(events.contains(new TestOutput(3, true, "err line\n")), events.toString());
        TestFinished failed = finished(events, "b_failsAnAssertion");
        assertEquals("org.opentest4j.AssertionFailedError", failed.throwable().type());
        assertEquals("Assumption failed: not here", finished(events, "d_isAborted").reason());
        assertNull(((UnitFinished) events.get(events.size() - 1)).error());
        assertEquals(0, exit.get(10, TimeUnit.SECONDS));
    }

    @Test
    void narrowsAUnitToTheMethodsItNames() throws Exception {
        plugin.receive();
        plugin.send(new RunUnit(1, FIXTURE, List.of("a_*", "f_*"), List.of("f_*")));
        List<Message> events = untilUnitFinished();
        plugin.send(new Shutdown());
        assertEquals(Map.of("a_passesAndPrints", Outcome.SUCCESSFUL), outcomes(events));
        assertEquals(0, exit.get(10, TimeUnit.SECONDS));
    }

    @Test
    void reportsAClassThatCannotBeFoundWithoutDying() throws Exception {
        plugin.receive();
        plugin.send(new RunUnit(1, "com.acme.NoSuchTest", List.of(), List.of()));
        List<Message> events = untilUnitFinished();
        plugin.send(new RunUnit(2, FIXTURE, List.of("a_*"), List.of()));
        List<Message> next = untilUnitFinished();
        plugin.send(new Shutdown());
        assertTrue(events.stream().anyMatch(m -> m.toString().contains("NoSuchTest")), events.toString());
        UnitFinished notFound = (UnitFinished) events.get(events.size() - 1);
        assertFalse(notFound.classRan(), "no class ran");
        assertEquals(notFound.elapsedMillis(), notFound.reportMillis(), "no class ran: the report's time is the unit's");
        assertEquals(Map.of("a_passesAndPrints", Outcome.SUCCESSFUL), outcomes(next));
        assertEquals(0, exit.get(10, TimeUnit.SECONDS));
    }

    @Test
    void givesBackAUnitThatWaitsAndKeepsTheOneItRuns() throws Exception {
        GateFixture.entered = new CountDownLatch(1);
        GateFixture.gate = new CountDownLatch(1);
        plugin.receive();
        plugin.send(new RunUnit(1, GateFixture.class.getName(), List.of(), List.of()));
        plugin.send(new RunUnit(2, FIXTURE, List.of("a_*"), List.of()));
        assertTrue(GateFixture.entered.await(30, TimeUnit.SECONDS), "unit 1 is running");

        plugin.send(new Revoke(2));
        plugin.send(new Revoke(1));
        List<Message> answers = new ArrayList<>();
        while (answers.size() < 2) {
            Message message = plugin.receive();
            if (message instanceof Revoked) {
                answers.add(message);
            }
        }
        assertEquals(List.of(new Revoked(2, true), new Revoked(1, false)), answers, "answered while a test runs");

        GateFixture.gate.countDown();
        List<Message> events = untilUnitFinished();
        assertEquals(1, ((UnitFinished) events.get(events.size() - 1)).unitId());
        plugin.send(new Shutdown());
        assertEquals(0, exit.get(10, TimeUnit.SECONDS));
        assertTrue(events.stream().noneMatch(m -> m.toString().contains("unitId=2")), "unit 2 never ran: " + events);
    }

    @Test
    void runsAllItsUnitsInOneLauncherSessionClosedOnShutdown() throws Exception {
        plugin.receive();
        plugin.send(new RunUnit(1, FIXTURE, List.of("a_*"), List.of()));
        untilUnitFinished();
        plugin.send(new RunUnit(2, FIXTURE, List.of("f_*"), List.of()));
        untilUnitFinished();
        assertEquals(0, CountingSessionListener.CLOSED.get() - sessionsClosedBefore, "still open between units");
        plugin.send(new Shutdown());
        assertEquals(0, exit.get(10, TimeUnit.SECONDS));
        assertEquals(1, CountingSessionListener.OPENED.get() - sessionsOpenedBefore, "one session for both units");
        assertEquals(1, CountingSessionListener.CLOSED.get() - sessionsClosedBefore, "closed when the worker ends");
    }

    @Test
    void reportsAsSuiteTimeTheClassAloneWithinTheUnitsWholeTime() throws Exception {
        plugin.receive();
        plugin.send(new RunUnit(1, FIXTURE, List.of("a_*"), List.of()));
        List<Message> events = untilUnitFinished();
        plugin.send(new Shutdown());
        UnitFinished finished = (UnitFinished) events.get(events.size() - 1);
        assertTrue(finished.suiteMillis() >= 0 && finished.suiteMillis() <= finished.elapsedMillis(),
                "discovery is in the unit's time, not in the class's: " + finished);
        assertEquals(0, exit.get(10, TimeUnit.SECONDS));
    }

    private List<Message> untilUnitFinished() throws Exception {
        List<Message> events = new ArrayList<>();
        Message message;
        do {
            message = plugin.receive();
            events.add(message);
        } while (!(message instanceof UnitFinished));
        return events;
    }

    private static Map<String, Outcome> outcomes(List<Message> events) {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        for (Message message : events) {
            if (message instanceof TestFinished finished && finished.test().methodName() != null) {
                outcomes.put(finished.test().methodName(), finished.outcome());
            }
        }
        return outcomes;
    }

    private static TestFinished finished(List<Message> events, String method) {
        return events.stream().filter(TestFinished.class::isInstance).map(TestFinished.class::cast)
                .filter(f -> method.equals(f.test().methodName())).findFirst().orElseThrow();
    }
}
