package io.distest.maven.run;

import io.distest.maven.schedule.Assignment;
import io.distest.maven.schedule.SchedulingPolicy;
import io.distest.maven.schedule.TestUnit;
import io.distest.maven.tx.TxSpec;
import io.distest.protocol.Configure;
import io.distest.protocol.Hello;
import io.distest.protocol.MessageChannel;
import io.distest.protocol.Message;
import io.distest.protocol.RunUnit;
import io.distest.protocol.Shutdown;
import io.distest.protocol.TestFinished;
import io.distest.protocol.TestOutput;
import io.distest.protocol.TestStarted;
import io.distest.protocol.UnitFinished;
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
        List<CompletableFuture<Void>> opening = new ArrayList<>();
        for (Gateway gateway : gateways.values()) {
            opening.add(CompletableFuture.runAsync(() -> {
                try {
                    gateway.open();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
        }
        for (CompletableFuture<Void> future : opening) {
            try {
                future.join();
            } catch (CompletionException e) {
                Throwable cause = e.getCause() instanceof UncheckedIOException unchecked ? unchecked.getCause() : e.getCause();
                throw cause instanceof IOException io ? io : new IOException(cause.getMessage(), cause);
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
        SpawnedWorker spawned = gateways.get(spec).spawn(launch);
        PooledWorker worker = new PooledWorker(id, number, spec, spawned.handle());
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
        worker.report = reporting.forWorker(worker.id(), worker.number, reportProperties(worker));
        worker.send(new Configure(request.filters().includeTags(), request.filters().excludeTags(),
                request.filters().configurationParameters()));
        observer.workerReady(worker.id(), worker.secondsSinceStart());
        log.info(String.format("[%s] %s: %s, pid %d, ready in %.1f s", worker.id(), worker.spec.text(),
                worker.facts.platform(), worker.facts.pid(), worker.secondsSinceStart()));
        policy.addWorker(worker.ref);
        dispatch();
    }

    private Map<String, String> reportProperties(PooledWorker worker) {
        Map<String, String> properties = new LinkedHashMap<>(request.jvm().systemProperties());
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
                worker.report.unitStarting(unit);
                observer.unitStarted(worker.id(), unit);
            }
            worker.send(new RunUnit(unit.id(), unit.className(), unit.includeMethods(), unit.excludeMethods()));
        }
    }

    private void onMessage(PooledWorker worker, Message message) throws IOException {
        if (message instanceof TestStarted started) {
            worker.report.testStarting(started.test());
        } else if (message instanceof TestOutput output) {
            worker.report.output(output.stderr(), output.text());
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
            worker.report.unitFinished(finished.elapsedMillis(), finished.error());
            observer.unitFinished(worker.id(), unit, finished.elapsedMillis());
            policy.unitFinished(worker.ref, unit);
            if (!request.workers().reuseForks()) {
                retire(worker);
            } else if (!worker.held.isEmpty()) {
                worker.report.unitStarting(worker.held.peek());
                observer.unitStarted(worker.id(), worker.held.peek());
            }
            dispatch();
        } else {
            log.warn("distest: ignoring unexpected " + message.getClass().getSimpleName() + " from " + worker.id());
        }
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
                worker.report.workerDied(cause);
            }
        }
        if (!policy.finished() && restartsUsed < request.workers().maxWorkerRestart()) {
            restartsUsed++;
            log.info("distest: starting a replacement for " + worker.id() + " (restart " + restartsUsed + " of "
                    + request.workers().maxWorkerRestart() + ")");
            start(worker.id(), worker.number, worker.spec);
        }
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
        WorkerReport report = reporting.forWorker("distest", -1, Map.of());
        for (TestUnit unit : policy.unassigned()) {
            report.unitStarting(unit);
            report.workerDied("not run: " + why);
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
