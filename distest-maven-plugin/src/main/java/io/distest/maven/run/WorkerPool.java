package io.distest.maven.run;

import io.distest.maven.gateway.Gateway;
import io.distest.maven.gateway.PopenGateway;
import io.distest.maven.gateway.SpawnedWorker;
import io.distest.maven.gateway.WorkerLaunch;
import io.distest.maven.report.RunObserver;
import io.distest.maven.settings.RunRequest;
import io.distest.maven.tx.Transport;
import io.distest.maven.tx.TxSpec;
import io.distest.protocol.Hello;
import io.distest.protocol.MessageChannel;
import io.distest.protocol.Shutdown;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.apache.maven.plugin.logging.Log;

/**
 * The worker JVMs of one run and their lifecycle: opens the gateways (falling back to local workers where asked),
 * spawns workers, checks their handshakes and start timeouts, keeps the restart budget, retires and replaces them,
 * and shuts everything down. Its I/O threads only put {@link RunEvent}s on one queue; every decision about them is
 * taken on the run loop's thread, which is the only one calling this class.
 */
final class WorkerPool implements AutoCloseable {
    private static final int TAIL_LINES = 20;

    private final RunRequest request;
    private final Log log;
    private final Map<TxSpec, Gateway> gateways;
    private final RunObserver observer;
    private final LongSupplier nanoClock;
    private final BlockingQueue<RunEvent> events = new LinkedBlockingQueue<>();
    private final Map<String, WorkerJvm> workers = new LinkedHashMap<>();
    /** Workers started and not connected yet: only these can pass the start timeout (checked after every event). */
    private final Set<WorkerJvm> starting = new LinkedHashSet<>();
    private final Set<TxSpec> specsThatConnected = new HashSet<>();
    private final Map<String, Integer> generations = new HashMap<>();
    private int restartsUsed;
    private WorkerListener listener;
    private String token;

    /**
     * @param gateways one per spec of the request, in its order; a gateway that cannot be reached may be replaced
     * @param nanoClock {@link System#nanoTime} but in tests: start timeouts and start-up times are read from it
     */
    WorkerPool(RunRequest request, Log log, Map<TxSpec, Gateway> gateways, RunObserver observer, LongSupplier nanoClock) {
        this.request = request;
        this.log = log;
        this.gateways = gateways;
        this.observer = observer;
        this.nanoClock = nanoClock;
    }

    /** Opens every gateway and starts every worker the specs ask for; they connect later, as events. */
    void start(String token) throws IOException {
        this.token = token;
        Files.createDirectories(request.workDirectory());
        listener = new WorkerListener(token, events, log::warn);
        openGateways();
        int number = 0;
        for (TxSpec spec : request.specs()) {
            for (int i = 0; i < spec.count(); i++) {
                spawn(workerId(spec, i, number), number, spec);
                number++;
            }
        }
    }

    /** gw0, gw1, … across all specs; a spec's own {@code //id=NAME} gives NAME, or NAME-0, NAME-1, … for N workers. */
    static String workerId(TxSpec spec, int index, int number) {
        return spec.id().map(name -> spec.count() > 1 ? name + "-" + index : name).orElse("gw" + number);
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

    private void spawn(String id, int number, TxSpec spec) throws IOException {
        int generation = generations.merge(id, 1, Integer::sum) - 1;
        // a replacement keeps its id but not the log file: the dead worker's output stays for diagnosis
        WorkerLaunch launch = new WorkerLaunch(id, number, spec, listener.address(),
                request.workDirectory().resolve(generation == 0 ? id + ".log" : id + "-" + generation + ".log"));
        observer.workerStarted(id, spec.text(), request.groupOf(spec));
        SpawnedWorker spawned = gateways.get(spec).spawn(launch);
        WorkerJvm worker = new WorkerJvm(id, request.groupOf(spec), number, spec, spawned.handle(), nanoClock.getAsLong());
        workers.put(id, worker);
        starting.add(worker);
        spawned.handle().onExit().whenComplete((ended, error) -> events.add(new RunEvent.Exited(worker)));
        if (spawned.channel() != null) {
            awaitHello(worker, spawned.channel());
        }
        log.debug("distest: started " + id + " (" + spawned.handle().where() + ")");
    }

    /** A worker that arrives through its gateway's connection says hello there, not on our port. */
    private void awaitHello(WorkerJvm worker, MessageChannel channel) {
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

    /** The next event of any worker, or {@code null} when none came within {@code millis}. */
    RunEvent nextEvent(long millis) throws InterruptedException {
        return events.poll(millis, TimeUnit.MILLISECONDS);
    }

    /**
     * A worker said hello: binds its connection and starts reading it. Returns the worker, or {@code null} (and
     * closes the connection) when no starting worker has that id.
     */
    WorkerJvm connect(RunEvent.Connected connected) throws IOException {
        WorkerJvm worker = workers.get(connected.workerId());
        if (worker == null || worker.state != WorkerJvm.State.STARTING) {
            log.warn("distest: closing an unexpected connection from worker " + connected.workerId());
            connected.channel().close();
            return null;
        }
        worker.connected(connected.channel(), connected.facts(), events);
        starting.remove(worker);
        specsThatConnected.add(worker.spec);
        return worker;
    }

    /** The worker of that id (its latest JVM, for a replaced one). */
    WorkerJvm worker(String id) {
        return workers.get(id);
    }

    /** How long the worker took from its start until now, by the pool's clock. */
    double secondsSinceStart(WorkerJvm worker) {
        return (nanoClock.getAsLong() - worker.startedNanos) / 1e9;
    }

    /** Workers that did not connect within the start timeout: ended here, to be lost by the caller. */
    List<WorkerJvm> startTimedOut() {
        long limit = request.workers().startTimeout().toNanos();
        List<WorkerJvm> late = new ArrayList<>();
        for (WorkerJvm worker : starting) {
            if (worker.state == WorkerJvm.State.STARTING && nanoClock.getAsLong() - worker.startedNanos > limit) {
                worker.handle.destroy();
                late.add(worker);
            }
        }
        return late;
    }

    /**
     * The worker is gone ({@code how}): ends it and returns why, with its exit and last output, for its report.
     *
     * @throws IOException when it never connected and no worker of its spec ever did: the spec cannot work
     */
    String end(WorkerJvm worker, String how) throws IOException {
        worker.state = WorkerJvm.State.GONE;
        starting.remove(worker);
        String exit = worker.handle.describeExit(5_000);
        worker.handle.destroy();
        if (worker.channel == null && !specsThatConnected.contains(worker.spec)) {
            throw new IOException("worker " + worker.id() + " could not start: its JVM " + how + " before connecting, "
                    + exit + ". Check the tx spec \"" + worker.spec.text() + "\" (//java=, //jvmArgs=) and argLine."
                    + " Last output of its JVM (" + worker.handle.where() + "):\n" + worker.handle.tail(TAIL_LINES));
        }
        return "worker " + worker.id() + " (" + worker.spec.text() + ", " + worker.handle.where() + ") " + how
                + ", " + exit + ". Last output of its JVM:\n" + worker.handle.tail(TAIL_LINES);
    }

    /** Starts a replacement for a lost worker while the restart budget lasts; {@code false} when it is spent. */
    boolean replace(WorkerJvm lost) {
        if (restartsUsed >= request.workers().maxWorkerRestart()) {
            return false;
        }
        restartsUsed++;
        log.info("distest: starting a replacement for " + lost.id() + " (restart " + restartsUsed + " of "
                + request.workers().maxWorkerRestart() + ")");
        try {
            spawn(lost.id(), lost.number, lost.spec);
        } catch (IOException e) { // its host may be gone: the other workers carry on
            log.warn("distest: the replacement for " + lost.id() + " could not start: " + e.getMessage());
        }
        return true;
    }

    /** reuseForks=false: the worker leaves after its unit; {@code renew} starts a fresh JVM in its place (no restart). */
    void retire(WorkerJvm worker, boolean renew) throws IOException {
        worker.state = WorkerJvm.State.GONE;
        worker.send(new Shutdown());
        if (renew) {
            spawn(worker.id(), worker.number, worker.spec);
        }
    }

    /** Ends every worker at once (the run timeout); returns those that were connected. */
    List<WorkerJvm> endAll() {
        List<WorkerJvm> connected = new ArrayList<>();
        for (WorkerJvm worker : workers.values()) {
            if (worker.state == WorkerJvm.State.READY) {
                connected.add(worker);
            }
            worker.state = WorkerJvm.State.GONE;
            worker.handle.destroy();
        }
        starting.clear();
        return connected;
    }

    boolean noneLeft() {
        return workers.values().stream().allMatch(w -> w.state == WorkerJvm.State.GONE);
    }

    /** Why the pool may be empty: the restarts it used of its budget, for the user. */
    String restartsLine() {
        return restartsUsed + " of " + request.workers().maxWorkerRestart()
                + " restarts used; raise distest.maxWorkerRestart to allow more";
    }

    /** Asks every worker to stop, gives them a moment, then ends whatever is still running; closes the gateways. */
    @Override
    public void close() {
        for (WorkerJvm worker : workers.values()) {
            if (worker.state == WorkerJvm.State.READY) {
                try {
                    worker.send(new Shutdown());
                } catch (IOException ignored) {
                    // it is ended below either way
                }
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (WorkerJvm worker : workers.values()) {
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
