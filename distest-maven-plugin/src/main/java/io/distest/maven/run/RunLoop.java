package io.distest.maven.run;

import io.distest.maven.report.RunObserver;
import io.distest.maven.schedule.Assignment;
import io.distest.maven.schedule.SchedulingPolicy;
import io.distest.maven.schedule.TestUnit;
import io.distest.maven.schedule.WorkerRamp;
import io.distest.maven.settings.ProviderRun;
import io.distest.maven.settings.TestFilters;
import io.distest.protocol.Configure;
import io.distest.protocol.Message;
import io.distest.protocol.ReportFile;
import io.distest.protocol.Revoke;
import io.distest.protocol.Revoked;
import io.distest.protocol.RunUnit;
import io.distest.protocol.TestFinished;
import io.distest.protocol.TestOutput;
import io.distest.protocol.TestStarted;
import io.distest.protocol.TestTimedOut;
import io.distest.protocol.UnitFinished;
import io.distest.protocol.UnitUsed;
import io.distest.protocol.UseProvider;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.apache.maven.plugin.logging.Log;

/**
 * One run's decisions: turns the workers' events into dispatches, re-runs, rescheduling after a crash, skipping
 * after failures and the run timeout. The {@link WorkerPool} starts and ends the workers; the
 * {@link SchedulingPolicy} alone knows which units each holds; what happens goes out as one stream of events to the
 * run's listeners, reporting among them. Everything happens on the calling thread, one event at a time.
 */
final class RunLoop {
    /** How long the loop waits for an event before it looks at the clocks again. */
    private static final long POLL_MILLIS = 1_000;

    private final LoopSettings settings;
    private final Log log;
    private final SchedulingPolicy policy;
    private final WorkerPool pool;
    private final RunObserver events;
    private final LongSupplier nanoClock;
    /** How often a unit's tests have run before: 0 for the first run, 1 for the first re-run of failures, … */
    private final Map<Integer, Integer> attempts = new HashMap<>();
    private int nextUnitId;
    private int failures;
    private boolean skipping;
    private String notRunReason;
    /** When the workers the pool holds back start; {@code null}: none are held. */
    private final WorkerRamp ramp;
    private long firstReadyNanos = -1;
    /** When the last unit finished (or the first worker was ready): the running unit has run since at most. */
    private long progressNanos;

    /**
     * @param events the run's listeners (reporting, durations, timeline…), composed by {@link io.distest.maven.report.RunObservers}
     * @param nanoClock {@link System#nanoTime} but in tests: the run timeout is read from it
     */
    RunLoop(LoopSettings settings, Log log, SchedulingPolicy policy, WorkerPool pool, RunObserver events,
            LongSupplier nanoClock) {
        this(settings, log, policy, pool, events, nanoClock, null);
    }

    /** @param ramp when the workers the pool holds back start ({@code null}: it holds none) */
    RunLoop(LoopSettings settings, Log log, SchedulingPolicy policy, WorkerPool pool, RunObserver events,
            LongSupplier nanoClock, WorkerRamp ramp) {
        this.settings = settings;
        this.log = log;
        this.policy = policy;
        this.pool = pool;
        this.events = events;
        this.nanoClock = nanoClock;
        this.ramp = ramp;
        this.nextUnitId = settings.units().stream().mapToInt(TestUnit::id).max().orElse(0) + 1;
    }

    void run(String token) throws DistestException {
        long startNanos = nanoClock.getAsLong();
        try (pool) {
            pool.start(token);
            events.runStarted();
            while (!policy.finished() && notRunReason == null) {
                RunEvent event = pool.nextEvent(POLL_MILLIS);
                if (event != null) {
                    handle(event);
                }
                for (WorkerJvm late : pool.startTimedOut()) {
                    lose(late, "did not connect within " + pool.startTimeout().toSeconds() + " s");
                }
                checkRunTimeout(startNanos);
                rampUp();
                if (!policy.finished() && pool.noneLeft()) {
                    if (ramp != null && ramp.held() > 0) {
                        pool.releaseHeld(ramp.releaseAll()); // the rest still runs, on them
                    } else {
                        reportUnrun("no worker is left (" + pool.restartsLine() + ")");
                    }
                }
            }
            events.runFinished(nanoClock.getAsLong() - startNanos);
        } catch (IOException e) {
            throw new DistestException("distest could not run the tests: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DistestException("distest was interrupted", e);
        }
    }

    private void handle(RunEvent event) throws IOException {
        if (event instanceof RunEvent.Starting starting) {
            WorkerJvm early = pool.started(starting);
            if (early != null) {
                onConnected(early);
            }
        } else if (event instanceof RunEvent.Connected connected) {
            WorkerJvm worker = pool.connect(connected);
            if (worker != null) {
                onConnected(worker);
            }
        } else if (event instanceof RunEvent.Received received) {
            if (received.worker().state() == WorkerJvm.State.READY) {
                onMessage(received.worker(), received.message());
            }
        } else if (event instanceof RunEvent.Disconnected disconnected) {
            lose(disconnected.worker(), "lost its connection (" + disconnected.cause() + ")");
        } else if (event instanceof RunEvent.Exited exited) {
            lose(exited.worker(), "exited");
        }
    }

    private void onConnected(WorkerJvm worker) throws IOException {
        events.workerConnected(worker.id(), worker.ref.group(), worker.number, worker.spec.text(), worker.facts());
        TestFilters filters = settings.filters();
        worker.send(new Configure(filters.includeTags(), filters.excludeTags(), filters.configurationParameters(),
                settings.policy().testTimeout().toMillis(), filters.includeEngines(), filters.excludeEngines(),
                filters.skippedClassAsItsTests(), filters.abortedClassAsItsTests()));
        ProviderRun provider = settings.provider();
        if (provider != null) {
            // the worker's own temporary directory takes the provider's reports: they come back as ReportFile
            worker.send(new UseProvider(provider.providerClass(), provider.properties(), provider.suiteXmlFiles(), "",
                    provider.rerunFailingTestsCount()));
        }
        double seconds = pool.secondsSinceStart(worker);
        events.workerReady(worker.id(), seconds);
        log.info(String.format("[%s] %s: %s, pid %d, ready in %.1f s", worker.id(), worker.spec.text(),
                worker.facts().platform(), worker.facts().pid(), seconds));
        policy.addWorker(worker.ref);
        policy.roundTrip(worker.ref, pool.roundTripMillis(worker));
        if (firstReadyNanos < 0) {
            firstReadyNanos = nanoClock.getAsLong();
            progressNanos = firstReadyNanos;
        }
        dispatch();
    }

    /** Starts held workers once the run's classes so far say there is work for them ({@link WorkerRamp}). */
    private void rampUp() {
        if (ramp == null || ramp.held() == 0 || firstReadyNanos < 0) {
            return;
        }
        long now = nanoClock.getAsLong();
        int released = ramp.release(pool.startedCount(), policy.waiting(), (now - progressNanos) / 1_000_000,
                (now - firstReadyNanos) / 1_000_000);
        if (released > 0) {
            log.info(String.format("distest: %d more worker%s start%s: this run's classes so far put its tests at"
                    + " about %.1f s", released, released == 1 ? "" : "s", released == 1 ? "s" : "",
                    ramp.projectedMillis() / 1000.0));
            pool.releaseHeld(released);
        }
    }

    private void dispatch() throws IOException {
        for (Assignment assignment : policy.assignments()) {
            WorkerJvm worker = pool.worker(assignment.worker().id());
            TestUnit unit = assignment.unit();
            announceRunning(worker);
            worker.send(new RunUnit(unit.id(), unit.className(), unit.includeMethods(), unit.excludeMethods(),
                    unit.onlyTests(), unit.skipTests()));
        }
        for (Assignment revocation : policy.revocations()) {
            pool.worker(revocation.worker().id()).send(new Revoke(revocation.unit().id()));
        }
    }

    /**
     * The one place a unit starts for reporting: whenever the unit the policy says a worker runs is not the one
     * announced yet (a first assignment, the next held unit after one finished or was given back).
     */
    private void announceRunning(WorkerJvm worker) {
        Optional<TestUnit> running = policy.running(worker.ref);
        if (running.isPresent() && worker.progress.startIfNew(running.get())) {
            events.unitStarted(worker.id(), running.get());
        }
    }

    /** Work stealing: the worker answered a {@link Revoke}; a unit it gave back goes to an idle worker. */
    private void onRevoked(WorkerJvm worker, Revoked revoked) throws IOException {
        // it may already count as started here, when the unit before it ended just before the worker answered
        Optional<TestUnit> running = policy.running(worker.ref);
        if (revoked.returned() && running.isPresent() && running.get().id() == revoked.unitId()) {
            events.unitRevoked(worker.id(), running.get());
            worker.progress.givenBack(); // should it come back to this worker, it starts anew
        }
        policy.revoked(worker.ref, revoked.unitId(), revoked.returned());
        announceRunning(worker);
        dispatch();
    }

    private void onMessage(WorkerJvm worker, Message message) throws IOException {
        if (message instanceof TestStarted started) {
            worker.progress.testStarted(started.test());
            events.testStarted(worker.id(), started.test());
        } else if (message instanceof TestOutput output) {
            events.testOutput(worker.id(), output.stderr(), output.text());
        } else if (message instanceof TestTimedOut timedOut) {
            worker.progress.testTimedOut(timedOut.test());
            events.testTimedOut(worker.id(), timedOut);
        } else if (message instanceof TestFinished finished) {
            worker.progress.testFinished(finished);
            policy.running(worker.ref).ifPresent(unit -> events.testFinished(worker.id(), unit, finished));
        } else if (message instanceof UnitUsed used) {
            policy.running(worker.ref).filter(unit -> unit.id() == used.unitId())
                    .ifPresent(unit -> events.unitUsed(worker.id(), unit, used));
        } else if (message instanceof UnitFinished finished) {
            onUnitFinished(worker, finished);
        } else if (message instanceof Revoked revoked) {
            onRevoked(worker, revoked);
        } else if (message instanceof ReportFile file) {
            events.reportFile(file);
        } else {
            log.warn("distest: ignoring unexpected " + message.getClass().getSimpleName() + " from " + worker.id());
        }
    }

    private void onUnitFinished(WorkerJvm worker, UnitFinished finished) throws IOException {
        TestUnit unit = policy.running(worker.ref).orElse(null);
        if (unit == null || unit.id() != finished.unitId()) {
            throw new IOException("worker " + worker.id() + " finished unit " + finished.unitId()
                    + " but was running " + (unit == null ? "nothing" : unit.id()));
        }
        List<String> failed = worker.progress.failures();
        rerunFailures(unit, failed); // before the unit reports: its class must wait for the re-run
        events.unitFinished(worker.id(), unit, finished);
        if (ramp != null) {
            ramp.unitFinished(finished.elapsedMillis(), finished.cpuMillis());
            progressNanos = nanoClock.getAsLong();
        }
        countFailures(failed.size() + (finished.error() != null ? 1 : 0));
        policy.unitFinished(worker.ref, unit);
        if (!settings.policy().reuseForks()) {
            policy.workerLost(worker.ref); // it held nothing else: with reuseForks=false nothing is sent ahead
            events.workerGone(worker.id());
            pool.retire(worker, !policy.finished());
        } else {
            announceRunning(worker);
        }
        dispatch();
    }

    /**
     * The tests of a dying worker's unit that had not run yet go back to the queue, for another worker.
     *
     * @return the unit of those tests, or {@code null} when none go back
     */
    private TestUnit rescheduleRest(TestUnit unit, UnitProgress progress) {
        if (!progress.anyTestStarted()) {
            return null; // it died before its first test (static initialiser, engine): another try would die the same way
        }
        List<String> done = new ArrayList<>(unit.skipTests());
        done.addAll(progress.results());
        TestUnit rest = unit.again(nextUnitId++, unit.onlyTests(), done);
        attempts.put(rest.id(), attempts.getOrDefault(unit.id(), 0));
        events.unitAdded(rest, isRerun(rest));
        policy.requeue(rest);
        return rest;
    }

    /** rerunFailingTestsCount: failed tests run again, on whichever worker is free; the class waits for them. */
    private void rerunFailures(TestUnit unit, List<String> failed) {
        int attempt = attempts.getOrDefault(unit.id(), 0);
        if (failed.isEmpty() || attempt >= settings.ownReruns()) {
            return;
        }
        TestUnit rerun = unit.again(nextUnitId++, failed, List.of());
        attempts.put(rerun.id(), attempt + 1);
        events.unitAdded(rerun, true);
        policy.requeue(rerun);
    }

    private boolean isRerun(TestUnit unit) {
        return attempts.getOrDefault(unit.id(), 0) > 0;
    }

    /** skipAfterFailureCount: once reached, no new class starts; the rest is reported as skipped at once. */
    private void countFailures(int count) {
        failures += count;
        int limit = settings.policy().skipAfterFailureCount();
        if (limit > 0 && failures >= limit && !skipping) {
            skipping = true;
            String reason = "skipped after " + failures + " failures (skipAfterFailureCount=" + limit + ")";
            log.warn("distest: " + reason + "; the classes not started yet are reported as skipped");
            for (TestUnit unit : policy.drain()) {
                events.unitSkipped(unit, reason);
            }
        }
    }

    /** Surefire's forkedProcessTimeoutInSeconds: past it, every worker ends and what did not finish says why. */
    private void checkRunTimeout(long startNanos) {
        long limit = settings.policy().runTimeout().toNanos();
        if (limit == 0 || nanoClock.getAsLong() - startNanos < limit || notRunReason != null) {
            return;
        }
        String reason = "the run passed its timeout of " + settings.policy().runTimeout().toSeconds()
                + " s (forkedProcessTimeoutInSeconds)";
        for (WorkerJvm worker : pool.endAll()) {
            List<TestUnit> held = policy.workerLost(worker.ref);
            if (!held.isEmpty()) {
                events.unitAbandoned(worker.id(), held.get(0), reason);
            }
        }
        reportUnrun(reason);
    }

    /** A worker is gone: report what it was running, requeue what it had not started, maybe replace it. */
    private void lose(WorkerJvm worker, String how) throws IOException {
        if (worker.state() == WorkerJvm.State.GONE) {
            return;
        }
        boolean everConnected = worker.state() == WorkerJvm.State.READY;
        String cause = pool.end(worker, how);
        log.warn("distest: " + cause);
        if (everConnected) {
            events.workerGone(worker.id());
            List<TestUnit> lost = policy.workerLost(worker.ref);
            if (!lost.isEmpty()) {
                TestUnit rest = rescheduleRest(lost.get(0), worker.progress);
                events.unitLost(worker.id(), lost.get(0), rest, cause);
                countFailures(1);
            }
        }
        if (!policy.finished() && !skipping) {
            pool.replace(worker);
        }
        dispatch(); // what it held is queued again: idle workers take it now
    }

    /** No worker can run what is left: every remaining unit is reported as an error that says why. */
    private void reportUnrun(String why) {
        notRunReason = why;
        for (TestUnit unit : policy.drain()) {
            events.unitNotRun(unit, why);
        }
    }

    /** Why some units could not run, or {@code null} when every unit ran. */
    String notRunReason() {
        return notRunReason;
    }
}
