package io.distest.maven.run;

import io.distest.maven.gateway.Gateway;
import io.distest.maven.report.RunObserver;
import io.distest.maven.report.RunObservers;
import io.distest.maven.report.RunObservers.OnFailure;
import io.distest.maven.report.SurefireReporting;
import io.distest.maven.run.fake.FakeGateway;
import io.distest.maven.run.fake.FakeSuite;
import io.distest.maven.schedule.LoadScheduling;
import io.distest.maven.schedule.TestUnit;
import io.distest.maven.schedule.WorkerRamp;
import io.distest.maven.settings.Dist;
import io.distest.maven.settings.JvmSettings;
import io.distest.maven.settings.ReportOptions;
import io.distest.maven.settings.Requests;
import io.distest.maven.settings.RunPolicy;
import io.distest.maven.settings.TestFilters;
import io.distest.maven.settings.WorkerPolicy;
import io.distest.maven.settings.WorkerSetup;
import io.distest.maven.tx.TxSpec;
import io.distest.maven.tx.TxSpecs;
import io.distest.protocol.UnitFinished;
import io.distest.testing.Poll;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.maven.surefire.api.suite.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;


/**
 * The run loop and the worker pool for real, with fake workers on in-memory channels answering the real protocol
 * (as pytest-xdist tests its scheduler with fake nodes): no JVM, no socket to a worker, no sleep; the clock is the
 * test's.
 */
class RunLoopTest {
    private static final String TOKEN = "fake-token";

    @TempDir
    Path temp;

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final RunHarness.RecordingLog log = new RunHarness.RecordingLog();
    /** What the observer heard, e.g. "finished gw0 C". */
    private final List<String> heard = Collections.synchronizedList(new ArrayList<>());
    private FakeGateway gateway;
    private final List<FakeGateway> gateways = new ArrayList<>();
    private final CountDownLatch firstUnitFinished = new CountDownLatch(1);
    /** A listener that only helps (as the timeline), heard after reporting. */
    private RunObserver helper = new RunObserver() {};
    private String notRunReason;
    /** Workers the pool holds back for a {@link WorkerRamp} (3 s a worker); 0: all start at once. */
    private int held;

    /** What the pool and the loop are given. */
    private record Policies(WorkerPolicy pool, RunPolicy loop) {}

    private static Policies workers(int restarts, int reruns, int skipAfter, Duration runTimeout) {
        return new Policies(new WorkerPolicy(restarts, Duration.ofSeconds(60), false),
                new RunPolicy(true, Duration.ZERO, runTimeout, reruns, skipAfter));
    }

    private RunResult run(String spec, FakeSuite suite, int ahead, Policies workers, Consumer<FakeGateway> setUp)
            throws Exception {
        return run(List.of(spec), suite, ahead, workers, (index, g) -> setUp.accept(g));
    }

    /** One fake gateway per spec; {@link #gateway} is the first, {@link #gateways} all of them. */
    private RunResult run(List<String> specTexts, FakeSuite suite, int ahead, Policies workers,
            BiConsumer<Integer, FakeGateway> setUp) throws Exception {
        List<TestUnit> units = new ArrayList<>();
        for (String className : suite.classNames()) {
            units.add(TestUnit.wholeClass(units.size(), className));
        }
        List<TxSpec> specs = TxSpecs.parseAll(specTexts);
        WorkerSetup setup = new WorkerSetup(List.of(), temp.resolve("distest-worker.jar"),
                Requests.jvm(List.of(), Map.of(), Map.of(), temp), temp, null);
        ReportOptions reports = Requests.reports(temp.resolve("reports"), false, false, "", null);
        Map<TxSpec, Gateway> byspec = new LinkedHashMap<>();
        for (TxSpec txSpec : specs) {
            FakeGateway fake = new FakeGateway(suite, TOKEN);
            setUp.accept(gateways.size(), fake);
            gateways.add(fake);
            byspec.put(txSpec, fake);
        }
        gateway = gateways.get(0);
        SurefireReporting reporting = new SurefireReporting(reports, log, units, null, false, number -> Map.of(),
                workers.loop().rerunFailingTestsCount());
        RunObserver observer = new RunObserver() {
            @Override
            public void unitStarted(String workerId, TestUnit unit) {
                heard.add("started " + workerId + " " + unit.className());
            }

            @Override
            public void unitFinished(String workerId, TestUnit unit, UnitFinished finished) {
                heard.add("finished " + workerId + " " + unit.className());
                firstUnitFinished.countDown();
            }

            @Override
            public void unitLost(String workerId, TestUnit unit, TestUnit rest, String cause) {
                heard.add("lost " + workerId + " " + unit.className() + (rest == null ? "" : ", rest requeued"));
            }
        };
        RunObservers events = new RunObservers(log).add("Surefire reporting", OnFailure.FAIL_THE_BUILD, reporting)
                .add("the test's listener", OnFailure.FAIL_THE_BUILD, observer)
                .add("the helper", OnFailure.WARN, helper);
        WorkerPool pool = new WorkerPool(new PoolSettings(specs, Dist.LOAD, temp.resolve("distest"), setup, workers.pool(),
                held), log, byspec, events, nanos::get);
        RunLoop loop = new RunLoop(new LoopSettings(units, workers.loop(), Requests.filters(List.of(), List.of(), Map.of()),
                null), log, new LoadScheduling(units, ahead, unit -> 0), pool, events, nanos::get,
                held == 0 ? null : new WorkerRamp(held, 3));
        loop.run(TOKEN);
        notRunReason = loop.notRunReason();
        gateways.forEach(g -> assertTrue(g.closed(), "the pool closes its gateways"));
        return reporting.finish();
    }

    private String report(String className) throws Exception {
        return Files.readString(temp.resolve("reports").resolve("TEST-" + className + ".xml"));
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    @Test
    void aCrashMidUnitErrsTheRunningTestAndReschedulesTheRestOfItsClass() throws Exception {
        FakeSuite suite = new FakeSuite().add("com.acme.CrashTest", "a:pass", "b:crash", "c:pass")
                .add("com.acme.OtherTest", "x:pass");

        RunResult result = run("popen", suite, 0, workers(1, 0, 0, Duration.ZERO), g -> {});

        assertEquals(4, result.getCompletedCount(), "every test ends with a result");
        assertEquals(1, result.getErrors());
        assertEquals(0, result.getFailures());
        String report = report("com.acme.CrashTest");
        assertEquals(3, count(report, "<testcase "), report);
        assertTrue(report.matches("(?s).*<testcase name=\"b\"[^>]*>\\s*<error [^>]*type=\"io.distest.WorkerCrashed\".*"),
                "the running test carries the crash:\n" + report);
        assertTrue(report.contains("exit code 137"), "the cause says how it ended:\n" + report);
        assertEquals(List.of("gw0#0", "gw0#1"), gateway.spawned(), "one replacement");
        assertTrue(heard.contains("lost gw0 com.acme.CrashTest, rest requeued"), heard.toString());
        assertNull(notRunReason);
    }

    @Test
    void aHelperBesideReportingThatThrowsCostsNoResult() throws Exception {
        FakeSuite suite = new FakeSuite().add("com.acme.ATest", "a:pass", "b:fail").add("com.acme.BTest", "x:pass");
        helper = new RunObserver() {
            @Override
            public void testFinished(String workerId, TestUnit unit, io.distest.protocol.TestFinished finished) {
                throw new IllegalStateException("the page is full");
            }
        };

        RunResult result = run("2*popen", suite, 0, workers(0, 0, 0, Duration.ZERO), g -> {});

        assertEquals(3, result.getCompletedCount(), "every test is reported");
        assertEquals(1, result.getFailures());
        assertEquals(3, count(report("com.acme.ATest") + report("com.acme.BTest"), "<testcase "));
        assertEquals(1, log.lines().stream().filter(line -> line.contains("the helper failed on testFinished:"
                + " java.lang.IllegalStateException: the page is full")).count(), log.lines().toString());
    }

    @Test
    void anIdleWorkerStealsAUnitHeldBehindARunningOne() throws Exception {
        FakeSuite suite = new FakeSuite().add("com.acme.SlowTest", "a:pass").waitsForRevoke("com.acme.SlowTest")
                .add("com.acme.StolenTest", "a:pass").add("com.acme.QuickTest", "a:pass");

        RunResult result = run("2*popen", suite, 1, workers(0, 0, 0, Duration.ZERO), g -> {});

        assertEquals(3, result.getCompletedCount());
        String slowWorker = workerThatFinished("com.acme.SlowTest");
        String stolenWorker = workerThatFinished("com.acme.StolenTest");
        assertFalse(slowWorker.equals(stolenWorker),
                "the unit held behind the slow one ran on the other worker: " + heard);
        assertFalse(heard.contains("started " + slowWorker + " com.acme.StolenTest"), heard.toString());
    }

    private String workerThatFinished(String className) {
        return heard.stream().filter(e -> e.startsWith("finished ") && e.endsWith(" " + className))
                .map(e -> e.split(" ")[1]).findFirst().orElseThrow(() -> new AssertionError(className + ": " + heard));
    }

    @Test
    void rerunsAFailingTestAndCountsItAFlakeWhenItThenPasses() throws Exception {
        FakeSuite suite = new FakeSuite().add("com.acme.FlakyTest", "x:flaky", "y:pass");

        RunResult result = run("popen", suite, 0, workers(0, 1, 0, Duration.ZERO), g -> {});

        assertEquals(1, result.getFlakes());
        assertEquals(0, result.getFailures() + result.getErrors());
        assertEquals(2, heard.stream().filter(e -> e.equals("started gw0 com.acme.FlakyTest")).count(),
                "the class ran, then its failure again: " + heard);
    }

    @Test
    void afterSkipAfterFailureCountFailuresNoNewClassStarts() throws Exception {
        FakeSuite suite = new FakeSuite().add("com.acme.FailsTest", "x:fail")
                .add("com.acme.LaterTest", "a:pass").add("com.acme.LastTest", "a:pass");

        RunResult result = run("popen", suite, 0, workers(0, 0, 1, Duration.ZERO), g -> {});

        assertEquals(1, result.getFailures());
        assertEquals(2, result.getSkipped());
        assertEquals(List.of("started gw0 com.acme.FailsTest", "finished gw0 com.acme.FailsTest"), heard);
        assertTrue(report("com.acme.LaterTest").contains("skipped after 1 failures (skipAfterFailureCount=1)"),
                report("com.acme.LaterTest"));
    }

    @Test
    void theRunTimeoutEndsTheWorkersAndReportsWhatDidNotFinish() throws Exception {
        FakeSuite suite = new FakeSuite().add("com.acme.HangsTest", "h:hang").add("com.acme.NeverTest", "a:pass");

        RunResult result = run("popen", suite, 0, workers(1, 0, 0, Duration.ofSeconds(10)), g -> g.beforeTest(
                (worker, test) -> nanos.addAndGet(Duration.ofSeconds(11).toNanos())));

        assertTrue(notRunReason.contains("the run passed its timeout of 10 s"), notRunReason);
        assertEquals(2, result.getErrors(), "the hanging test and the class that never ran");
        assertTrue(report("com.acme.HangsTest").contains("the run passed its timeout of 10 s"), report("com.acme.HangsTest"));
        assertTrue(report("com.acme.NeverTest").contains("not run: the run passed its timeout"), report("com.acme.NeverTest"));
        assertEquals(List.of("gw0#0"), gateway.spawned(), "no replacement after the run timeout");
    }

    @Test
    void aWorkerThatDoesNotConnectInTimeIsReplacedWithinTheRestartBudget() throws Exception {
        FakeSuite suite = new FakeSuite().add("com.acme.ATest", "a:pass").add("com.acme.BTest", "a:pass");
        AtomicBoolean once = new AtomicBoolean();

        RunResult result = run("2*popen", suite, 0, workers(1, 0, 0, Duration.ZERO), g -> g
                .silent(spawn -> spawn.equals("gw1#0"))
                .beforeTest((worker, test) -> {
                    if (once.compareAndSet(false, true)) { // gw1 has waited past its start timeout
                        awaitSpawn(g, "gw1#0"); // its start-up chain may still be asking for it
                        nanos.addAndGet(Duration.ofSeconds(61).toNanos());
                    }
                }));

        assertEquals(2, result.getCompletedCount());
        assertEquals(0, result.getFailures() + result.getErrors());
        assertEquals(List.of("gw0#0", "gw1#0", "gw1#1"), gateway.spawned());
        assertTrue(log.text().contains("worker gw1 (2*popen, fake gw1#0) did not connect within 60 s"), log.text());
        assertTrue(log.text().contains("starting a replacement for gw1 (restart 1 of 1)"), log.text());
        assertNull(notRunReason);
    }

    @Test
    void withoutAHistoryAShortSuiteRunsOnTheFirstWorkerAloneAndItsHeldWorkerNeverStarts() throws Exception {
        held = 1;
        FakeSuite suite = FakeSuite.generated("com.acme.Trivial", 40, 5);

        RunResult result = run("2*popen", suite, 0, workers(0, 0, 0, Duration.ZERO), g -> {});

        assertEquals(200, result.getCompletedCount(), "every test is reported");
        assertEquals(List.of("gw0#0"), gateway.spawned(), "40 classes of 10 ms: no work for a second JVM");
        assertNull(notRunReason);
    }

    @Test
    void aHeldWorkerStartsWhenTheWorkersBeforeItAreGoneForGoodAndRunsWhatIsLeft() throws Exception {
        held = 1;
        FakeSuite suite = new FakeSuite().add("com.acme.CrashTest", "a:crash").add("com.acme.PassTest", "a:pass")
                .add("com.acme.OtherTest", "a:pass");

        RunResult result = run("2*popen", suite, 0, workers(0, 0, 0, Duration.ZERO), g -> {});

        assertEquals(List.of("gw0#0", "gw1#0"), gateway.spawned());
        assertNull(notRunReason, "nothing is left unrun while a held worker could run it");
        assertEquals(3, result.getCompletedCount());
        assertEquals(1, result.getErrors(), "the crash alone");
        assertTrue(heard.contains("finished gw1 com.acme.PassTest") && heard.contains("finished gw1 com.acme.OtherTest"),
                heard.toString());
    }

    @Test
    void whenTheRestartBudgetIsSpentWhatIsLeftIsReportedAsNotRun() throws Exception {
        FakeSuite suite = new FakeSuite().add("com.acme.Crash1Test", "a:crash").add("com.acme.Crash2Test", "a:crash")
                .add("com.acme.PassTest", "a:pass");

        RunResult result = run("popen", suite, 0, workers(1, 0, 0, Duration.ZERO), g -> {});

        assertEquals("no worker is left (1 of 1 restarts used; raise distest.maxWorkerRestart to allow more)", notRunReason);
        assertEquals(List.of("gw0#0", "gw0#1"), gateway.spawned());
        assertTrue(report("com.acme.PassTest").contains("not run: no worker is left"), report("com.acme.PassTest"));
        assertTrue(result.getErrors() >= 3, "two crashes and a class not run: " + result.getErrors());
    }

    /** Polls, with a deadline, until the gateway was asked for {@code spawn}. */
    private static void awaitSpawn(FakeGateway gateway, String spawn) {
        try {
            Poll.within(Duration.ofSeconds(30), () -> gateway.spawned().contains(spawn));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for {@code latch} as a test's deadline, not as a timing: the run under test is what releases it. */
    private static boolean released(CountDownLatch latch) {
        try {
            return latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void aLocalWorkerRunsTestsWhileARemoteGatewayIsStillOpeningAndNamesFollowTheSpecOrder() throws Exception {
        FakeSuite suite = new FakeSuite().add("com.acme.ATest", "a:pass").add("com.acme.BTest", "a:pass")
                .add("com.acme.CTest", "a:pass").add("com.acme.DTest", "a:pass");
        AtomicBoolean openedAfterALocalClass = new AtomicBoolean();
        CountDownLatch remoteSpawned = new CountDownLatch(2);

        RunResult result = run(List.of("2*ssh=far", "popen"), suite, 0, workers(0, 0, 0, Duration.ZERO), (index, g) -> {
            if (index == 0) { // the remote gateway connects and syncs only once the local worker finished a class
                g.onOpen(() -> openedAfterALocalClass.set(released(firstUnitFinished)))
                        .beforeSpawn(id -> remoteSpawned.countDown());
            } else { // the local worker's second class waits for the remote workers, so that they take part
                AtomicBoolean first = new AtomicBoolean(true);
                g.beforeTest((worker, test) -> {
                    if (!first.getAndSet(false)) {
                        released(remoteSpawned);
                    }
                });
            }
        });

        assertTrue(openedAfterALocalClass.get(), "the remote gateway was still opening while gw2 ran tests: " + heard);
        assertEquals(4, result.getCompletedCount());
        assertTrue(heard.stream().filter(e -> e.startsWith("finished ")).findFirst().orElseThrow().startsWith("finished gw2 "),
                heard.toString());
        assertEquals(List.of("gw0#0", "gw1#0"), gateways.get(0).spawned(), "the first spec's workers are gw0 and gw1");
        assertEquals(List.of("gw2#0"), gateways.get(1).spawned(), "the second spec's worker is gw2");
    }

    @Test
    void aGatewayThatCannotBeOpenedFailsTheRunNamingItsCause() {
        FakeSuite suite = new FakeSuite().add("com.acme.ATest", "a:pass");

        DistestException failure = org.junit.jupiter.api.Assertions.assertThrows(DistestException.class,
                () -> run("ssh=far", suite, 0, workers(0, 0, 0, Duration.ZERO), g -> g.onOpen(() -> {
                    throw new java.io.UncheckedIOException(new java.io.IOException("far: connection refused"));
                })));

        assertTrue(failure.getMessage().startsWith("distest could not run the tests: "), failure.getMessage());
        assertTrue(failure.getMessage().contains("far: connection refused"), failure.getMessage());
    }

    @Test
    void aRemoteGatewaysWorkersAreAskedForSideBySide() throws Exception {
        FakeSuite suite = new FakeSuite().add("com.acme.ATest", "a:pass").add("com.acme.BTest", "a:pass");
        CountDownLatch allAsking = new CountDownLatch(3);
        AtomicBoolean sideBySide = new AtomicBoolean(true);

        RunResult result = run("3*ssh=far", suite, 0, workers(0, 0, 0, Duration.ZERO), g -> g.spawnsSideBySide()
                .beforeSpawn(id -> { // each spawn waits for the others to be under way: one after another never gets there
                    allAsking.countDown();
                    if (!released(allAsking)) {
                        sideBySide.set(false);
                    }
                }));

        assertTrue(sideBySide.get(), "all three spawns were under way at once");
        assertEquals(2, result.getCompletedCount());
        assertEquals(List.of("gw0#0", "gw1#0", "gw2#0"), gateway.spawned().stream().sorted().toList());
    }

    @Test
    void theEndOfTheRunWaitsForEveryWorkersExitAtOnce() throws Exception {
        FakeSuite suite = new FakeSuite().add("com.acme.ATest", "a:pass").add("com.acme.BTest", "a:pass")
                .add("com.acme.CTest", "a:pass");
        CountDownLatch allRunning = new CountDownLatch(3);
        CountDownLatch allWaiting = new CountDownLatch(3);
        java.util.concurrent.atomic.AtomicInteger sawTheOthers = new java.util.concurrent.atomic.AtomicInteger();

        RunResult result = run("3*popen", suite, 0, workers(0, 0, 0, Duration.ZERO), g -> g
                .beforeTest((worker, test) -> { // every worker is connected and busy, so every one gets a Shutdown
                    allRunning.countDown();
                    released(allRunning);
                })
                .onExitWait(name -> { // each exit wait needs the others under way: waits one after another never get there
                    allWaiting.countDown();
                    if (released(allWaiting)) {
                        sawTheOthers.incrementAndGet();
                    }
                }));

        assertEquals(3, result.getCompletedCount());
        assertEquals(3, sawTheOthers.get(), "the three workers' exits were awaited at once");
    }
}
