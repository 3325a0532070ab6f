package io.distest.maven.run;

import io.distest.maven.gateway.Gateway;
import io.distest.maven.gateway.PopenGateway;
import io.distest.maven.gateway.SpawnedWorker;
import io.distest.maven.gateway.WorkerLaunch;
import io.distest.maven.report.RunObserver;
import io.distest.maven.tx.Transport;
import io.distest.maven.tx.TxSpec;
import io.distest.protocol.Hello;
import io.distest.protocol.MessageChannel;
import io.distest.protocol.Shutdown;
import io.distest.shared.Quietly;
import io.distest.shared.Threads;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
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

    private final PoolSettings settings;
    private final Log log;
    /** Each spec's gateway; a chain replaces its own when it falls back to local workers. */
    private final Map<TxSpec, Gateway> gateways;
    private final RunObserver observer;
    private final LongSupplier nanoClock;
    private final BlockingQueue<RunEvent> events = new LinkedBlockingQueue<>();
    private final Map<String, WorkerJvm> workers = new LinkedHashMap<>();
    /** Workers started and not connected yet: only these can pass the start timeout (checked after every event). */
    private final Set<WorkerJvm> starting = new LinkedHashSet<>();
    private final Set<TxSpec> specsThatConnected = new HashSet<>();
    private final Map<String, Integer> generations = new HashMap<>();
    /** Ids of first workers whose start-up chain has not spawned them yet. */
    private final Set<String> awaitingSpawn = new HashSet<>();
    /** Workers that wait for {@link #releaseHeld}, in the order they start. */
    private final Deque<Held> held = new ArrayDeque<>();
    /** Hellos of workers that connected before the run loop took in their spawn. */
    private final Map<String, RunEvent.Connected> earlyHellos = new HashMap<>();
    private final List<Thread> chains = new ArrayList<>();
    /** Set when the run ends: chains spawn nothing more. */
    private volatile boolean closing;
    private int restartsUsed;
    private WorkerListener listener;
    private String token;

    /**
     * @param gateways one per spec of the settings, in their order; a gateway that cannot be reached may be replaced
     * @param nanoClock {@link System#nanoTime} but in tests: start timeouts, start-up times and the waits of
     *     {@link #close} are read from it
     */
    WorkerPool(PoolSettings settings, Log log, Map<TxSpec, Gateway> gateways, RunObserver observer,
            LongSupplier nanoClock) {
        this.settings = settings;
        this.log = log;
        this.gateways = new ConcurrentHashMap<>(gateways);
        this.observer = observer;
        this.nanoClock = nanoClock;
    }

    /**
     * Starts, for each spec at once, its chain: open its gateway, then spawn its workers. Returns at once: a local
     * worker runs tests while a remote gateway still connects and syncs; what each chain does arrives as events.
     */
    void start(String token) throws IOException {
        this.token = token;
        Files.createDirectories(settings.workDirectory());
        listener = new WorkerListener(token, events, log::warn);
        int total = settings.specs().stream().mapToInt(TxSpec::count).sum();
        int number = 0;
        for (TxSpec spec : settings.specs()) {
            List<Integer> numbers = new ArrayList<>();
            for (int i = 0; i < spec.count(); i++) {
                if (number >= total - settings.held()) {
                    held.add(new Held(spec, i, number++));
                    continue;
                }
                awaitingSpawn.add(workerId(spec, i, number));
                numbers.add(number++);
            }
            Thread chain = Threads.unstarted(() -> startChain(spec, numbers), "distest-start-" + spec.text());
            chains.add(chain);
        }
        chains.forEach(Thread::start);
    }

    /** A worker the pool holds back: its spec, its index in the spec, its number. */
    private record Held(TxSpec spec, int index, int number) {}

    /** Workers spawned or asked for so far, held ones not counted. */
    int startedCount() {
        return workers.size() + awaitingSpawn.size();
    }

    /** Starts up to {@code count} of the held workers, on the run loop's thread; their spawns arrive as events. */
    void releaseHeld(int count) {
        for (int i = 0; i < count && !held.isEmpty(); i++) {
            Held next = held.removeFirst();
            awaitingSpawn.add(workerId(next.spec(), next.index(), next.number()));
            spawnInChain(gateways.get(next.spec()), next.spec(), next.index(), next.number());
        }
    }

    /** gw0, gw1, … across all specs; a spec's own {@code //id=NAME} gives NAME, or NAME-0, NAME-1, … for N workers. */
    static String workerId(TxSpec spec, int index, int number) {
        return spec.id().map(name -> spec.count() > 1 ? name + "-" + index : name).orElse("gw" + number);
    }

    /** One spec's start-up, on its own thread: it touches nothing of the pool but its gateway and the event queue. */
    private void startChain(TxSpec spec, List<Integer> numbers) {
        try {
            List<WorkerLaunch> first = new ArrayList<>();
            for (int i = 0; i < numbers.size(); i++) {
                first.add(launch(workerId(spec, i, numbers.get(i)), numbers.get(i), spec, 0));
            }
            Gateway gateway = openGateway(spec, first);
            if (gateway.spawnsConcurrently() && numbers.size() > 1) {
                List<Thread> spawns = new ArrayList<>();
                for (int index = 0; index < numbers.size(); index++) {
                    int i = index;
                    Thread spawn = Threads.unstarted(() -> spawnInChain(gateway, spec, i, numbers.get(i)),
                            "distest-spawn-" + workerId(spec, i, numbers.get(i)));
                    spawns.add(spawn);
                    spawn.start();
                }
                for (Thread spawn : spawns) {
                    spawn.join();
                }
            } else {
                for (int i = 0; i < numbers.size(); i++) {
                    spawnInChain(gateway, spec, i, numbers.get(i)); // held workers are the last: indexes match
                }
            }
        } catch (IOException e) {
            events.add(new RunEvent.StartFailed(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Connects and syncs the spec's gateway; one that cannot be reached is replaced by local workers if asked. */
    private Gateway openGateway(TxSpec spec, List<WorkerLaunch> firstWorkers) throws IOException {
        Gateway gateway = gateways.get(spec);
        long openingNanos = nanoClock.getAsLong();
        try {
            gateway.open(firstWorkers);
            if (!(spec.transport() instanceof Transport.Popen)) { // popen has nothing to open
                events.add(new RunEvent.GatewayOpened(spec, openingNanos, nanoClock.getAsLong(), gateway.syncMillis()));
            }
            return gateway;
        } catch (IOException | RuntimeException e) {
            IOException failure = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
            if (!settings.workers().fallbackToLocal() || spec.transport() instanceof Transport.Popen) {
                throw failure;
            }
            log.warn("distest: " + spec.text() + " cannot be reached (" + failure.getMessage()
                    + "); distest.fallbackToLocal runs its share on local workers");
            gateway.close();
            Gateway local = new PopenGateway(settings.setup(), token, true);
            gateways.put(spec, local);
            return local;
        }
    }

    /** Starts one of the spec's first workers, unless the run ended meanwhile. */
    private void spawnInChain(Gateway gateway, TxSpec spec, int index, int number) {
        if (closing) {
            return;
        }
        String id = workerId(spec, index, number);
        events.add(new RunEvent.Spawning(id, spec));
        long askedNanos = nanoClock.getAsLong(); // its start timeout and start-up time count from here, not from the loop
        try {
            events.add(new RunEvent.Spawned(id, number, spec, gateway.spawn(launch(id, number, spec, 0)), askedNanos));
        } catch (IOException e) {
            events.add(new RunEvent.StartFailed(e));
        }
    }

    /**
     * Takes in what a start-up chain did. Returns a worker that connected before its spawn was taken in (it is
     * connected now), or {@code null}.
     *
     * @throws IOException when a spec cannot work: the run fails with it
     */
    WorkerJvm started(RunEvent.Starting event) throws IOException {
        if (event instanceof RunEvent.GatewayOpened opened) {
            observer.gatewayOpened(opened.spec().text(), opened.startNanos(), opened.endNanos(), opened.syncMillis());
        } else if (event instanceof RunEvent.Spawning spawning) {
            observer.workerStarted(spawning.workerId(), spawning.spec().text(), settings.groupOf(spawning.spec()));
        } else if (event instanceof RunEvent.Spawned spawned) {
            awaitingSpawn.remove(spawned.workerId());
            generations.merge(spawned.workerId(), 1, Integer::sum);
            register(spawned.workerId(), spawned.number(), spawned.spec(), spawned.spawned(), spawned.startedNanos());
            RunEvent.Connected early = earlyHellos.remove(spawned.workerId());
            return early == null ? null : connect(early);
        } else if (event instanceof RunEvent.StartFailed failed) {
            throw failed.failure();
        }
        return null;
    }

    private WorkerLaunch launch(String id, int number, TxSpec spec, int generation) {
        // a replacement keeps its id but not the log file: the dead worker's output stays for diagnosis
        return new WorkerLaunch(id, number, spec, listener.address(),
                settings.workDirectory().resolve(generation == 0 ? id + ".log" : id + "-" + generation + ".log"));
    }

    /** Starts a replacement or renewal, on the run loop's thread. */
    private void spawn(String id, int number, TxSpec spec) throws IOException {
        int generation = generations.merge(id, 1, Integer::sum) - 1;
        observer.workerStarted(id, spec.text(), settings.groupOf(spec));
        long askedNanos = nanoClock.getAsLong();
        register(id, number, spec, gateways.get(spec).spawn(launch(id, number, spec, generation)), askedNanos);
    }

    private void register(String id, int number, TxSpec spec, SpawnedWorker spawned, long startedNanos) {
        WorkerJvm worker = new WorkerJvm(id, settings.groupOf(spec), number, spec, spawned.handle(), startedNanos);
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
        Threads.start(() -> {
            try {
                Hello hello = Handshake.expectHello(channel, token);
                events.add(new RunEvent.Connected(hello.workerId(), channel, hello.facts()));
            } catch (IOException e) {
                events.add(new RunEvent.Disconnected(worker, "no hello: " + e.getMessage()));
            }
        }, "distest-hello-" + worker.id());
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
        if (worker == null && awaitingSpawn.contains(connected.workerId())) {
            earlyHellos.put(connected.workerId(), connected); // a quick JVM: its spawn is on the queue behind it
            return null;
        }
        if (worker == null || worker.state() != WorkerJvm.State.STARTING) {
            log.warn("distest: closing an unexpected connection from worker " + connected.workerId());
            connected.channel().close();
            return null;
        }
        worker.connected(connected.channel(), connected.facts(), events);
        starting.remove(worker);
        specsThatConnected.add(worker.spec);
        return worker;
    }

    /** The round trip to the worker's gateway, as measured when it opened (0: local). */
    long roundTripMillis(WorkerJvm worker) {
        return gateways.get(worker.spec).roundTripMillis();
    }

    /** The worker of that id (its latest JVM, for a replaced one). */
    WorkerJvm worker(String id) {
        return workers.get(id);
    }

    /** How long a started worker may take to connect. */
    Duration startTimeout() {
        return settings.workers().startTimeout();
    }

    /** How long the worker took from its start until now, by the pool's clock. */
    double secondsSinceStart(WorkerJvm worker) {
        return (nanoClock.getAsLong() - worker.startedNanos) / 1e9;
    }

    /** Workers that did not connect within the start timeout: ended here, to be lost by the caller. */
    List<WorkerJvm> startTimedOut() {
        long limit = settings.workers().startTimeout().toNanos();
        List<WorkerJvm> late = new ArrayList<>();
        for (WorkerJvm worker : starting) {
            if (worker.state() == WorkerJvm.State.STARTING && nanoClock.getAsLong() - worker.startedNanos > limit) {
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
        worker.gone();
        starting.remove(worker);
        String exit = worker.handle.describeExit(5_000);
        worker.handle.destroy();
        if (worker.channel() == null && !specsThatConnected.contains(worker.spec)) {
            throw new IOException("worker " + worker.id() + " could not start: its JVM " + how + " before connecting, "
                    + exit + ". Check the tx spec \"" + worker.spec.text() + "\" (//java=, //jvmArgs=) and argLine."
                    + " Last output of its JVM (" + worker.handle.where() + "):\n" + worker.handle.tail(TAIL_LINES));
        }
        return "worker " + worker.id() + " (" + worker.spec.text() + ", " + worker.handle.where() + ") " + how
                + ", " + exit + ". Last output of its JVM:\n" + worker.handle.tail(TAIL_LINES);
    }

    /** Starts a replacement for a lost worker while the restart budget lasts; {@code false} when it is spent. */
    boolean replace(WorkerJvm lost) {
        if (restartsUsed >= settings.workers().maxWorkerRestart()) {
            return false;
        }
        restartsUsed++;
        log.info("distest: starting a replacement for " + lost.id() + " (restart " + restartsUsed + " of "
                + settings.workers().maxWorkerRestart() + ")");
        try {
            spawn(lost.id(), lost.number, lost.spec);
        } catch (IOException e) { // its host may be gone: the other workers carry on
            log.warn("distest: the replacement for " + lost.id() + " could not start: " + e.getMessage());
        }
        return true;
    }

    /** reuseForks=false: the worker leaves after its unit; {@code renew} starts a fresh JVM in its place (no restart). */
    void retire(WorkerJvm worker, boolean renew) throws IOException {
        worker.gone();
        worker.send(new Shutdown());
        if (renew) {
            spawn(worker.id(), worker.number, worker.spec);
        }
    }

    /** Ends every worker at once (the run timeout); returns those that were connected. */
    List<WorkerJvm> endAll() {
        List<WorkerJvm> connected = new ArrayList<>();
        for (WorkerJvm worker : workers.values()) {
            if (worker.state() == WorkerJvm.State.READY) {
                connected.add(worker);
            }
            worker.gone();
            worker.handle.destroy();
        }
        starting.clear();
        return connected;
    }

    /** No worker runs or starts, and no start-up chain has one still to come. */
    boolean noneLeft() {
        return awaitingSpawn.isEmpty() && workers.values().stream().allMatch(w -> w.state() == WorkerJvm.State.GONE);
    }

    /** Why the pool may be empty: the restarts it used of its budget, for the user. */
    String restartsLine() {
        return restartsUsed + " of " + settings.workers().maxWorkerRestart()
                + " restarts used; raise distest.maxWorkerRestart to allow more";
    }

    /**
     * Asks every worker to stop, gives them a moment, then ends whatever is still running; closes the gateways.
     * Workers, then gateways, are closed side by side with bounded waits: over a slow link each close costs round
     * trips, and the build should pay them once, not once per worker.
     */
    @Override
    public void close() {
        closing = true;
        long chainDeadline = nanoClock.getAsLong() + settings.workers().startTimeout().toNanos();
        for (Thread chain : chains) { // a gateway still opening is closed once open, so that nothing is left on its host
            joinUntil(chain, chainDeadline);
        }
        List<RunEvent> left = new ArrayList<>();
        events.drainTo(left);
        for (RunEvent event : left) {
            if (event instanceof RunEvent.Spawned spawned) { // started while the run ended: it is ended with the rest
                register(spawned.workerId(), spawned.number(), spawned.spec(), spawned.spawned(), spawned.startedNanos());
            }
        }
        long deadline = nanoClock.getAsLong() + TimeUnit.SECONDS.toNanos(10);
        List<Thread> closes = new ArrayList<>();
        for (WorkerJvm worker : List.copyOf(workers.values())) {
            closes.add(inBackground("distest-close-" + worker.id(), () -> closeWorker(worker, deadline)));
        }
        closes.forEach(thread -> joinUntil(thread, deadline + TimeUnit.SECONDS.toNanos(1)));
        Quietly.close(listener);
        long gatewayDeadline = nanoClock.getAsLong() + TimeUnit.SECONDS.toNanos(10);
        List<Thread> gatewayCloses = new ArrayList<>();
        for (Gateway gateway : gateways.values()) {
            gatewayCloses.add(inBackground("distest-close-gateway", gateway::close));
        }
        gatewayCloses.forEach(thread -> joinUntil(thread, gatewayDeadline));
    }

    /**
     * A connected worker gets a Shutdown and until {@code deadline} to exit, as does one already told to leave (it
     * may be writing coverage data); one still starting is ended at once.
     */
    private void closeWorker(WorkerJvm worker, long deadline) {
        if (worker.state() == WorkerJvm.State.READY) {
            try {
                worker.send(new Shutdown());
            } catch (IOException ignored) {
                // it is ended below either way
            }
        }
        if (worker.state() != WorkerJvm.State.STARTING) {
            worker.handle.describeExit(Math.max(0, (deadline - nanoClock.getAsLong()) / 1_000_000));
        }
        worker.handle.destroy();
        Quietly.close(worker.channel());
    }

    private static Thread inBackground(String name, Runnable task) {
        return Threads.start(task, name);
    }

    private void joinUntil(Thread thread, long deadlineNanos) {
        try {
            thread.join(Math.max(1, (deadlineNanos - nanoClock.getAsLong()) / 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
