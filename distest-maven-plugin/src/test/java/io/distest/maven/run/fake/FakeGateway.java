package io.distest.maven.run.fake;

import io.distest.maven.gateway.Gateway;
import io.distest.maven.gateway.SpawnedWorker;
import io.distest.maven.gateway.WorkerHandle;
import io.distest.maven.gateway.WorkerLaunch;
import io.distest.protocol.MessageChannel;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A gateway whose workers are {@link FakeWorker}s on in-memory channels: the run loop and the worker pool run
 * for real, without a JVM, a socket or a sleep. Each spawned worker arrives through the gateway's own connection,
 * as remote workers do.
 */
public final class FakeGateway implements Gateway {
    private final FakeSuite suite;
    private final String token;
    private final List<String> spawned = new ArrayList<>();
    private Predicate<String> silent = launch -> false;
    private BiConsumer<String, String> beforeTest = (worker, test) -> {};
    private boolean closed;
    private Runnable onOpen = () -> {};
    private Consumer<String> beforeSpawn = id -> {};
    private boolean concurrentSpawns;
    private Consumer<String> onExitWait = name -> {};
    private final LongAdder workerCpuNanos = new LongAdder();

    public FakeGateway(FakeSuite suite, String token) {
        this.suite = suite;
        this.token = token;
    }

    /**
     * Workers whose spawn (as {@code id#n}, n counting that id's spawns from 0) matches never say hello: they stand
     * for a JVM that does not start.
     */
    public FakeGateway silent(Predicate<String> spawn) {
        this.silent = spawn;
        return this;
    }

    /** Hears (worker id, test unique id) just before a test starts, on the worker's thread. */
    public FakeGateway beforeTest(BiConsumer<String, String> hook) {
        this.beforeTest = hook;
        return this;
    }

    /** Runs in {@link #open}, on the thread that opens the gateway: a slow connection or sync. */
    public FakeGateway onOpen(Runnable hook) {
        this.onOpen = hook;
        return this;
    }

    /** Hears each worker id just before its spawn, on the spawning thread, outside the gateway's lock. */
    public FakeGateway beforeSpawn(Consumer<String> hook) {
        this.beforeSpawn = hook;
        return this;
    }

    /** Says spawns may run side by side, as a remote gateway's do. */
    public FakeGateway spawnsSideBySide() {
        this.concurrentSpawns = true;
        return this;
    }

    /** Hears a worker's spawn name ({@code id#n}) when the pool waits for its exit, on the waiting thread. */
    public FakeGateway onExitWait(Consumer<String> hook) {
        this.onExitWait = hook;
        return this;
    }

    @Override
    public void open(List<WorkerLaunch> firstWorkers) {
        onOpen.run();
    }

    @Override
    public boolean spawnsConcurrently() {
        return concurrentSpawns;
    }

    /** Every spawn so far, as {@code id#n}. */
    public synchronized List<String> spawned() {
        return List.copyOf(spawned);
    }

    /** CPU time the fake workers that ended so far spent, answering and encoding. */
    public long workerCpuNanos() {
        return workerCpuNanos.sum();
    }

    public synchronized boolean closed() {
        return closed;
    }

    @Override
    public SpawnedWorker spawn(WorkerLaunch launch) {
        beforeSpawn.accept(launch.workerId());
        return spawnNow(launch);
    }

    private synchronized SpawnedWorker spawnNow(WorkerLaunch launch) {
        String id = launch.workerId();
        String spawn = id + "#" + spawned.stream().filter(s -> s.startsWith(id + "#")).count();
        spawned.add(spawn);
        BytePipe toWorker = new BytePipe();
        BytePipe toCoordinator = new BytePipe();
        FakeHandle handle = new FakeHandle(spawn, toWorker, toCoordinator, onExitWait);
        MessageChannel coordinatorSide = new MessageChannel(toCoordinator.in, toWorker.out, handle::closePipes);
        MessageChannel workerSide = new MessageChannel(toWorker.in, toCoordinator.out, handle::closePipes);
        if (!silent.test(spawn)) {
            FakeWorker worker = new FakeWorker(id, workerSide, suite, handle, beforeTest);
            Thread thread = new Thread(() -> {
                try {
                    worker.serve(token);
                } finally { // what the fakes cost is not the coordinator's: benchmarks take it off
                    workerCpuNanos.add(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
                }
            }, "fake-" + spawn);
            thread.setDaemon(true);
            thread.start();
        }
        return new SpawnedWorker(handle, coordinatorSide);
    }

    @Override
    public synchronized void close() {
        closed = true;
    }

    /** A fake worker's "process": it ends by exiting, dying, or being destroyed. */
    static final class FakeHandle implements WorkerHandle {
        private final String name;
        private final BytePipe toWorker;
        private final BytePipe toCoordinator;
        private final CompletableFuture<String> exit = new CompletableFuture<>();
        private final Consumer<String> onExitWait;
        private volatile String diedWith;

        FakeHandle(String name, BytePipe toWorker, BytePipe toCoordinator, Consumer<String> onExitWait) {
            this.name = name;
            this.onExitWait = onExitWait;
            this.toWorker = toWorker;
            this.toCoordinator = toCoordinator;
        }

        void closePipes() {
            toWorker.close();
            toCoordinator.close();
        }

        /** A clean end, after Shutdown. */
        void exit() {
            closePipes();
            exit.complete("exit code 0");
        }

        /**
         * The JVM died in a test: its connection breaks. Its end is seen when the pool ends it, after the coordinator
         * read what it sent before dying (a real JVM's exit is seen late as well; the fake makes that order certain).
         */
        void die() {
            diedWith = "exit code 137";
            closePipes();
        }

        @Override
        public String describeExit(long millis) {
            onExitWait.accept(name);
            return exit.isDone() ? exit.join() : diedWith != null ? diedWith : "still running";
        }

        @Override
        public String tail(int lines) {
            return "(fake output of " + name + ")";
        }

        @Override
        public String where() {
            return "fake " + name;
        }

        @Override
        public CompletableFuture<?> onExit() {
            return exit;
        }

        @Override
        public void destroy() {
            closePipes();
            exit.complete(diedWith != null ? diedWith : "killed by the pool");
        }
    }
}
