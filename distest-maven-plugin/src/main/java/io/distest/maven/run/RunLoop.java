package io.distest.maven.run;

import io.distest.maven.gateway.ForkNumber;
import io.distest.maven.gateway.Gateway;
import io.distest.maven.gateway.PopenGateway;
import io.distest.maven.gateway.SpawnedWorker;
import io.distest.maven.gateway.WorkerLaunch;
import io.distest.maven.report.SurefireReporting;
import io.distest.maven.report.WorkerReport;
import io.distest.maven.run.Handshake;
import io.distest.maven.run.PooledWorker;
import io.distest.maven.run.WorkerListener;
import io.distest.maven.schedule.Assignment;
import io.distest.maven.schedule.SchedulingPolicy;
import io.distest.maven.schedule.TestUnit;
import io.distest.maven.tx.Transport;
import io.distest.maven.tx.TxSpec;
import io.distest.protocol.Configure;
import io.distest.protocol.Hello;
import io.distest.protocol.Message;
import io.distest.protocol.MessageChannel;
import io.distest.protocol.ReportFile;
import io.distest.protocol.Revoke;
import io.distest.protocol.Revoked;
import io.distest.protocol.RunUnit;
import io.distest.protocol.Shutdown;
import io.distest.protocol.TestFinished;
import io.distest.protocol.TestOutput;
import io.distest.protocol.TestStarted;
import io.distest.protocol.TestTimedOut;
import io.distest.protocol.UnitFinished;
import io.distest.protocol.UseProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.maven.plugin.logging.Log;

/**
 * One run: starts the workers, feeds them units as the policy says, turns their events into reports, replaces
 * workers that die, and shuts everything down. All decisions happen on the calling thread, one event at a time.
 */
final class RunLoop {
    private static final int TAIL_LINES = 20;

    private final RunRequest request;
    private final Log log;
    private final SurefireReporting reporting;
    private final SchedulingPolicy policy;
    private final Map<TxSpec, Gateway> gateways;
    private final RunObserver observer;
    private final BlockingQueue<RunEvent> events = new LinkedBlockingQueue<>();
    private final Map<String, PooledWorker> workers = new LinkedHashMap<>();
    private final Set<TxSpec> specsThatConnected = new HashSet<>();
    private final Map<String, Integer> generations = new HashMap<>();
    private int restartsUsed;
    private int nextUnitId;
    /** How often a unit's tests have run before: 0 for the first run, 1 for the first re-run of failures, … */
    private final Map<Integer, Integer> attempts = new HashMap<>();
    private int failures;
    private boolean skipping;
    private WorkerReport distestReport;
    private String notRunReason;
    private WorkerListener listener;
    private String token;

    RunLoop(RunRequest request, Log log, SurefireReporting reporting, SchedulingPolicy policy,
            Map<TxSpec, Gateway> gateways, RunObserver observer) {
        this.request = request;
        this.observer = observer;
        this.log = log;
        this.reporting = reporting;
        this.policy = policy;
        this.gateways = gateways;
        this.nextUnitId = request.units().stream().mapToInt(TestUnit::id).max().orElse(0) + 1;
    }

    void run(String token) throws DistestException {
        this.token = token;
        long startNanos = System.nanoTime();
        try {
            Files.createDirectories(request.workDirectory());
            listener = new WorkerListener(token, events, log::warn);
            openGateways();
            startAll();
            reporting.runStarting();
            while (!policy.finished() && notRunReason == null) {
                RunEvent event = events.poll(1, TimeUnit.SECONDS);
                if (event != null) {
                    handle(event);
                }
                checkStartTimeouts();
                checkRunTimeout(startNanos);
                if (!policy.finished() && noWorkerLeft()) {
                    reportUnrun("no worker is left (" + restartsUsed + " of " + request.workers().maxWorkerRestart()
                            + " restarts used; raise distest.maxWorkerRestart to allow more)");
                }
            }
            observer.runFinished(System.nanoTime() - startNanos);
        } catch (IOException e) {
            throw new DistestException("distest could not run the tests: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DistestException("distest was interrupted", e);
        } finally {
            shutdown();
        }
    }

    /** Connects and syncs every gateway at once: remote hosts are slow to reach one by one. */
    private void openGateways() throws IOException {
        Map<TxSpec, CompletableFuture<Long>> opening = new LinkedHashMap<>();
        long openingNanos = System.nanoTime();
        gateways.forEach((spec, gateway) -> opening.put(spec, CompletableFuture.supplyAsync(() -> {
            try {
                gateway.open();
                return System.nanoTime(); // when it was open: the timeline's connect and sync bars end here
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        })));
        for (Map.Entry<TxSpec, CompletableFuture<Long>> entry : opening.entrySet()) {
            try {
                long openedNanos = entry.getValue().join();
                if (!(entry.getKey().transport() instanceof Transport.Popen)) { // popen has nothing to open
                    observer.gatewayOpened(entry.getKey().text(), openingNanos, openedNanos,
                            gateways.get(entry.getKey()).syncMillis());
                }
            } catch (CompletionException e) {
                Throwable cause = e.getCause() instanceof UncheckedIOException unchecked ? unchecked.getCause() : e.getCause();
                IOException failure = cause instanceof IOException io ? io : new IOException(cause.getMessage(), cause);
                if (!request.workers().fallbackToLocal() || entry.getKey().transport() instanceof Transport.Popen) {
                    throw failure;
                }
                log.warn("distest: " + entry.getKey().text() + " cannot be reached (" + failure.getMessage()
                        + "); distest.fallbackToLocal runs its share on local workers");
                gateways.get(entry.getKey()).close();
                gateways.put(entry.getKey(), new PopenGateway(request, token, true));
            }
        }
    }

    private void startAll() throws IOException {
        int number = 0;
        for (TxSpec spec : request.specs()) {
            for (int i = 0; i < spec.count(); i++) {
                start(workerId(spec, i, number), number, spec);
                number++;
            }
        }
    }

    /** gw0, gw1, … across all specs; a spec's own {@code //id=NAME} gives NAME, or NAME-0, NAME-1, … for N workers. */
    static String workerId(TxSpec spec, int index, int number) {
        return spec.id().map(name -> spec.count() > 1 ? name + "-" + index : name).orElse("gw" + number);
    }

    private void start(String id, int number, TxSpec spec) throws IOException {
        int generation = generations.merge(id, 1, Integer::sum) - 1;
        // a replacement keeps its id but not the log file: the dead worker's output stays for diagnosis
        WorkerLaunch launch = new WorkerLaunch(id, number, spec, listener.address(),
                request.workDirectory().resolve(generation == 0 ? id + ".log" : id + "-" + generation + ".log"));
        observer.workerStarted(id, spec.text(), request.groupOf(spec));
        SpawnedWorker spawned = gateways.get(spec).spawn(launch);
        PooledWorker worker = new PooledWorker(id, request.groupOf(spec), number, spec, spawned.handle());
        workers.put(id, worker);
        spawned.handle().onExit().whenComplete((ended, error) -> events.add(new RunEvent.Exited(worker)));
        if (spawned.channel() != null) {
            awaitHello(worker, spawned.channel());
        }
        log.debug("distest: started " + id + " (" + spawned.handle().where() + ")");
    }

    /** A worker that arrives through its gateway's connection says hello there, not on our port. */
    private void awaitHello(PooledWorker worker, MessageChannel channel) {
        Thread handshake = new Thread(() -> {
            try {
                Hello hello = Handshake.expectHello(channel, token);
                events.add(new RunEvent.Connected(hello.workerId(), channel, hello.facts()));
            } catch (IOException e) {
                events.add(new RunEvent.Disconnected(worker, "no hello: " + e.getMessage()));
            }
        }, "distest-hello-" + worker.id());
        handshake.setDaemon(true);
        handshake.start();
    }

    private void handle(RunEvent event) throws IOException {
        if (event instanceof RunEvent.Connected connected) {
            onConnected(connected);
        } else if (event instanceof RunEvent.Received received) {
            if (received.worker().state == PooledWorker.State.READY) {
                onMessage(received.worker(), received.message());
            }
        } else if (event instanceof RunEvent.Disconnected disconnected) {
            lose(disconnected.worker(), "lost its connection (" + disconnected.cause() + ")");
        } else if (event instanceof RunEvent.Exited exited) {
            lose(exited.worker(), "exited");
        }
    }

    private void onConnected(RunEvent.Connected connected) throws IOException {
        PooledWorker worker = workers.get(connected.workerId());
        if (worker == null || worker.state != PooledWorker.State.STARTING) {
            log.warn("distest: closing an unexpected connection from worker " + connected.workerId());
            connected.channel().close();
            return;
        }
        worker.connected(connected.channel(), connected.facts(), events);
        specsThatConnected.add(worker.spec);
        worker.report = reporting.forWorker(worker.id(), worker.ref.group(), worker.number, reportProperties(worker));
        observer.workerConnected(worker.id(), worker.ref.group(), worker.facts);
        worker.send(new Configure(request.filters().includeTags(), request.filters().excludeTags(),
                request.filters().configurationParameters(), request.workers().testTimeout().toMillis(),
                request.filters().includeEngines(), request.filters().excludeEngines(),
                request.filters().skippedClassAsItsTests()));
        if (request.provider() != null) {
            // the worker's own temporary directory takes the provider's reports: they come back as ReportFile
            worker.send(new UseProvider(request.provider().providerClass(), request.provider().properties(),
                    request.provider().suiteXmlFiles(), ""));
        }
        observer.workerReady(worker.id(), worker.secondsSinceStart());
        log.info(String.format("[%s] %s: %s, pid %d, ready in %.1f s", worker.id(), worker.spec.text(),
                worker.facts.platform(), worker.facts.pid(), worker.secondsSinceStart()));
        policy.addWorker(worker.ref);
        dispatch();
    }

    private Map<String, String> reportProperties(PooledWorker worker) {
        Map<String, String> properties = new LinkedHashMap<>();
        request.jvm().systemProperties().forEach((name, value) ->
                properties.put(name, ForkNumber.replaceIn(value, worker.number + 1))); // as the worker got them
        properties.put("distest.worker", worker.id());
        properties.put("distest.tx", worker.spec.text());
        properties.put("java.version", worker.facts.javaVersion());
        properties.put("java.vendor", worker.facts.javaVendor());
        properties.put("os.name", worker.facts.osName());
        properties.put("os.arch", worker.facts.osArch());
        properties.put("distest.host", worker.facts.hostName());
        return properties;
    }

    private void dispatch() throws IOException {
        for (Assignment assignment : policy.assignments()) {
            PooledWorker worker = workers.get(assignment.worker().id());
            TestUnit unit = assignment.unit();
            worker.held.add(unit);
            if (worker.held.size() == 1) {
                worker.report.unitStarting(unit, isRerun(unit));
                observer.unitStarted(worker.id(), unit);
            }
            worker.send(new RunUnit(unit.id(), unit.className(), unit.includeMethods(), unit.excludeMethods(),
                    unit.onlyTests(), unit.skipTests()));
        }
        for (Assignment revocation : policy.revocations()) {
            workers.get(revocation.worker().id()).send(new Revoke(revocation.unit().id()));
        }
    }

    /** Work stealing: the worker answered a {@link Revoke}; a unit it gave back goes to an idle worker. */
    private void onRevoked(PooledWorker worker, Revoked revoked) throws IOException {
        if (revoked.returned()) {
            // it may already count as started here, when the unit before it ended just before the worker answered
            boolean wasStarted = !worker.held.isEmpty() && worker.held.peek().id() == revoked.unitId();
            if (wasStarted) {
                observer.unitRevoked(worker.id(), worker.held.peek());
            }
            worker.held.removeIf(unit -> unit.id() == revoked.unitId());
            if (wasStarted && !worker.held.isEmpty()) {
                worker.report.unitStarting(worker.held.peek(), isRerun(worker.held.peek()));
                observer.unitStarted(worker.id(), worker.held.peek());
            }
        }
        policy.revoked(worker.ref, revoked.unitId(), revoked.returned());
        dispatch();
    }

    private void onMessage(PooledWorker worker, Message message) throws IOException {
        if (message instanceof TestStarted started) {
            worker.report.testStarting(started.test());
        } else if (message instanceof TestOutput output) {
            worker.report.output(output.stderr(), output.text());
        } else if (message instanceof TestTimedOut timedOut) {
            worker.report.testTimedOut(timedOut);
        } else if (message instanceof TestFinished finished) {
            worker.report.testFinished(finished);
            if (!worker.held.isEmpty()) {
                observer.testFinished(worker.id(), worker.held.peek(), finished);
            }
        } else if (message instanceof UnitFinished finished) {
            TestUnit unit = worker.held.poll();
            if (unit == null || unit.id() != finished.unitId()) {
                throw new IOException("worker " + worker.id() + " finished unit " + finished.unitId()
                        + " but was running " + (unit == null ? "nothing" : unit.id()));
            }
            List<String> failed = worker.report.failuresInUnit();
            rerunFailures(unit, failed); // before the unit reports: its class must wait for the re-run
            worker.report.unitFinished(finished.suiteMillis(), finished.error()); // class time, as Surefire
            if (finished.error() != null) {
                observer.unitError(worker.id(), unit, finished.error().type() + ": " + finished.error().message());
            }
            observer.unitFinished(worker.id(), unit, finished.elapsedMillis());
            countFailures(failed.size() + (finished.error() != null ? 1 : 0));
            policy.unitFinished(worker.ref, unit);
            if (!request.workers().reuseForks()) {
                retire(worker);
            } else if (!worker.held.isEmpty()) {
                worker.report.unitStarting(worker.held.peek(), isRerun(worker.held.peek()));
                observer.unitStarted(worker.id(), worker.held.peek());
            }
            dispatch();
        } else if (message instanceof Revoked revoked) {
            onRevoked(worker, revoked);
        } else if (message instanceof ReportFile file) {
            reporting.providerReports().add(file);
        } else {
            log.warn("distest: ignoring unexpected " + message.getClass().getSimpleName() + " from " + worker.id());
        }
    }

    /**
     * The tests of a dying worker's unit that had not run yet go back to the queue, for another worker.
     *
     * @return the unit of those tests, or {@code null} when none go back
     */
    private TestUnit rescheduleRest(TestUnit unit, WorkerReport report) {
        if (!report.anyTestStarted()) {
            return null; // it died before its first test (static initialiser, engine): another try would die the same way
        }
        List<String> done = new ArrayList<>(unit.skipTests());
        done.addAll(report.resultsInUnit());
        TestUnit rest = unit.again(nextUnitId++, unit.onlyTests(), done);
        attempts.put(rest.id(), attempts.getOrDefault(unit.id(), 0));
        reporting.expect(rest);
        policy.requeue(rest);
        return rest;
    }

    /** rerunFailingTestsCount: failed tests run again, on whichever worker is free; the class waits for them. */
    private void rerunFailures(TestUnit unit, List<String> failed) {
        int attempt = attempts.getOrDefault(unit.id(), 0);
        if (failed.isEmpty() || attempt >= request.workers().rerunFailingTestsCount()) {
            return;
        }
        TestUnit rerun = unit.again(nextUnitId++, failed, List.of());
        attempts.put(rerun.id(), attempt + 1);
        reporting.expect(rerun);
        policy.requeue(rerun);
    }

    private boolean isRerun(TestUnit unit) {
        return attempts.getOrDefault(unit.id(), 0) > 0;
    }

    /** skipAfterFailureCount: once reached, no new class starts; the rest is reported as skipped at once. */
    private void countFailures(int count) {
        failures += count;
        int limit = request.workers().skipAfterFailureCount();
        if (limit > 0 && failures >= limit && !skipping) {
            skipping = true;
            String reason = "skipped after " + failures + " failures (skipAfterFailureCount=" + limit + ")";
            log.warn("distest: " + reason + "; the classes not started yet are reported as skipped");
            for (TestUnit unit : policy.drain()) {
                distestReport().skipped(unit, reason);
            }
        }
    }

    /** Reports for what no worker runs: skipped and unrun units. */
    private WorkerReport distestReport() {
        if (distestReport == null) {
            distestReport = reporting.forWorker("distest", "", -1, Map.of());
        }
        return distestReport;
    }

    /** Surefire's forkedProcessTimeoutInSeconds: past it, every worker ends and what did not finish says why. */
    private void checkRunTimeout(long startNanos) {
        long limit = request.workers().runTimeout().toNanos();
        if (limit == 0 || System.nanoTime() - startNanos < limit || notRunReason != null) {
            return;
        }
        String reason = "the run passed its timeout of " + request.workers().runTimeout().toSeconds()
                + " s (distest.runTimeout / forkedProcessTimeoutInSeconds)";
        for (PooledWorker worker : workers.values()) {
            if (worker.state == PooledWorker.State.READY && !policy.workerLost(worker.ref).isEmpty()) {
                worker.report.workerDied(reason);
            }
            worker.state = PooledWorker.State.GONE;
            worker.handle.destroy();
        }
        reportUnrun(reason);
    }

    /** reuseForks=false: every class gets a fresh JVM, so a worker leaves after one unit and a new one takes its place. */
    private void retire(PooledWorker worker) throws IOException {
        worker.state = PooledWorker.State.GONE;
        policy.workerLost(worker.ref); // it held nothing else: with reuseForks=false nothing is sent ahead
        worker.send(new Shutdown());
        if (!policy.finished()) {
            start(worker.id(), worker.number, worker.spec);
        }
    }

    /** A worker is gone: report what it was running, requeue what it had not started, maybe replace it. */
    private void lose(PooledWorker worker, String how) throws IOException {
        if (worker.state == PooledWorker.State.GONE) {
            return;
        }
        boolean everConnected = worker.state == PooledWorker.State.READY;
        worker.state = PooledWorker.State.GONE;
        String exit = worker.handle.describeExit(5_000);
        worker.handle.destroy();
        String cause = "worker " + worker.id() + " (" + worker.spec.text() + ", " + worker.handle.where() + ") " + how
                + ", " + exit + ". Last output of its JVM:\n" + worker.handle.tail(TAIL_LINES);
        if (!everConnected && !specsThatConnected.contains(worker.spec)) {
            throw new IOException("worker " + worker.id() + " could not start: its JVM " + how + " before connecting, "
                    + exit + ". Check the tx spec \"" + worker.spec.text() + "\" (//java=, //jvmArgs=) and argLine."
                    + " Last output of its JVM (" + worker.handle.where() + "):\n" + worker.handle.tail(TAIL_LINES));
        }
        log.warn("distest: " + cause);
        if (everConnected) {
            List<TestUnit> lost = policy.workerLost(worker.ref);
            if (!lost.isEmpty()) {
                TestUnit rest = rescheduleRest(lost.get(0), worker.report);
                observer.unitLost(worker.id(), lost.get(0), rest, cause);
                worker.report.workerDied(cause);
                countFailures(1);
            }
        }
        if (!policy.finished() && !skipping && restartsUsed < request.workers().maxWorkerRestart()) {
            restartsUsed++;
            log.info("distest: starting a replacement for " + worker.id() + " (restart " + restartsUsed + " of "
                    + request.workers().maxWorkerRestart() + ")");
            try {
                start(worker.id(), worker.number, worker.spec);
            } catch (IOException e) { // its host may be gone: the other workers carry on
                log.warn("distest: the replacement for " + worker.id() + " could not start: " + e.getMessage());
            }
        }
        dispatch(); // what it held is queued again: idle workers take it now
    }

    private void checkStartTimeouts() throws IOException {
        long limit = request.workers().startTimeout().toNanos();
        for (PooledWorker worker : new ArrayList<>(workers.values())) {
            if (worker.state == PooledWorker.State.STARTING && System.nanoTime() - worker.startedNanos > limit) {
                worker.handle.destroy();
                lose(worker, "did not connect within " + request.workers().startTimeout().toSeconds() + " s");
            }
        }
    }

    private boolean noWorkerLeft() {
        return workers.values().stream().allMatch(w -> w.state == PooledWorker.State.GONE);
    }

    /** No worker can run what is left: every remaining unit is reported as an error that says why. */
    private void reportUnrun(String why) {
        notRunReason = why;
        for (TestUnit unit : policy.drain()) {
            distestReport().unitStarting(unit, false);
            distestReport().workerDied("not run: " + why);
        }
    }

    /** Why some units could not run, or {@code null} when every unit ran. */
    String notRunReason() {
        return notRunReason;
    }

    /** Asks every worker to stop, gives them a moment, then ends whatever is still running. */
    private void shutdown() {
        for (PooledWorker worker : workers.values()) {
            if (worker.state == PooledWorker.State.READY) {
                try {
                    worker.send(new Shutdown());
                } catch (IOException ignored) {
                    // it is ended below either way
                }
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (PooledWorker worker : workers.values()) {
            worker.handle.describeExit(Math.max(0, (deadline - System.nanoTime()) / 1_000_000));
            worker.handle.destroy();
            closeQuietly(worker.channel);
        }
        closeQuietly(listener);
        gateways.values().forEach(Gateway::close);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception ignored) {
            // shutting down: nothing more to do with it
        }
    }
}
