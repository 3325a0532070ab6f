package io.distest.maven.run;


import io.distest.maven.gateway.Gateway;
import io.distest.maven.report.RunObserver;
import io.distest.maven.report.RunObservers;
import io.distest.maven.report.RunObservers.OnFailure;
import io.distest.maven.run.fake.FakeGateway;
import io.distest.maven.run.fake.FakeSuite;
import io.distest.maven.schedule.LoadScheduling;
import io.distest.maven.schedule.TestUnit;
import io.distest.maven.settings.Dist;
import io.distest.maven.settings.JvmSettings;
import io.distest.maven.settings.ReportOptions;
import io.distest.maven.settings.Requests;
import io.distest.maven.settings.WorkerSetup;
import io.distest.maven.settings.TestFilters;
import io.distest.maven.tx.TxSpec;
import io.distest.maven.tx.TxSpecs;
import io.distest.protocol.TestFinished;
import static org.junit.jupiter.api.Assertions.assertEquals;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, "the coordinator is never the bottleneck", without a cluster: the real worker pool and run loop with
 * {@code WORKERS} fake workers on in-memory channels answering the real protocol, {@code CLASSES} classes of
 * {@code TESTS} passing tests each; prints the coordinator's CPU time (the loop thread and the threads reading the
 * workers' connections; the fakes' own CPU is measured apart) and the heap a full GC leaves at every tenth of the
 * results, which stays flat: nothing kept grows with the results already reported (the fixed part is per worker:
 * the buffers of both ends of each in-memory channel). Reporting is left out (it is Surefire's
 * own, and its summary keeps per-test statistics); the listeners here only count.
 *
 * <p>Not part of the test suite (the name does not match Surefire's includes): {@code bench/coordinator.sh}, or
 * {@code main} with a test class path and optionally {@code WORKERS CLASSES TESTS}.
 */
class CoordinatorBench {
    private static final String TOKEN = "bench-token";

    @Test
    void printsCoordinatorCpuAndHeapFor1000WorkersAndAMillionResults() throws Exception {
        assertEquals(1_000_000, run(1_000, 10_000, 100));
    }

    public static void main(String[] args) throws Exception {
        run(args.length > 0 ? Integer.parseInt(args[0]) : 1_000, args.length > 1 ? Integer.parseInt(args[1]) : 10_000,
                args.length > 2 ? Integer.parseInt(args[2]) : 100);
    }

    /** Runs the simulation, prints the numbers, returns how many results the listeners heard. */
    static long run(int workers, int classes, int tests) throws Exception {
        FakeSuite suite = FakeSuite.generated("com.acme.bench.Generated", classes, tests);
        List<TestUnit> units = new ArrayList<>();
        for (String className : suite.classNames()) {
            units.add(TestUnit.wholeClass(units.size(), className));
        }
        List<String> texts = new ArrayList<>();
        for (int left = workers, i = 0; left > 0; left -= TxSpecs.MAX_COUNT, i++) {
            texts.add(Math.min(left, TxSpecs.MAX_COUNT) + "*popen//id=g" + i);
        }
        List<TxSpec> specs = TxSpecs.parseAll(texts);
        Path temp = Files.createTempDirectory("distest-coordinator-bench");
        WorkerSetup setup = new WorkerSetup(List.of(), temp.resolve("distest-worker.jar"),
                Requests.jvm(List.of(), Map.of(), Map.of(), temp), temp, null);
        PoolSettings pool = new PoolSettings(specs, Dist.LOAD, temp.resolve("distest"), setup,
                Requests.workers(0, Duration.ofMinutes(5)));
        LoopSettings loop = new LoopSettings(units, Requests.policy(true), Requests.filters(List.of(), List.of(), Map.of()),
                null);
        Map<TxSpec, Gateway> gateways = new LinkedHashMap<>();
        List<FakeGateway> fakes = new ArrayList<>();
        for (TxSpec spec : specs) {
            FakeGateway gateway = new FakeGateway(suite, TOKEN);
            fakes.add(gateway);
            gateways.put(spec, gateway);
        }
        long total = (long) classes * tests;
        Counter counter = new Counter(total);
        SystemStreamLog quiet = new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {}

            @Override
            public void debug(CharSequence content) {}
        };
        RunObservers events = new RunObservers(quiet).add("the counter", OnFailure.FAIL_THE_BUILD, counter);
        WorkerPool workerPool = new WorkerPool(pool, quiet, gateways, events, System::nanoTime);
        RunLoop runLoop = new RunLoop(loop, quiet, new LoadScheduling(units, 1, unit -> 0), workerPool, events,
                System::nanoTime);

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long processCpu0 = processCpuNanos();
        long loopCpu0 = threads.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        runLoop.run(TOKEN);
        long wall = System.nanoTime() - wall0;
        long loopCpu = threads.getCurrentThreadCpuTime() - loopCpu0;
        long processCpu = processCpuNanos() - processCpu0;
        long fakeCpu = fakes.stream().mapToLong(FakeGateway::workerCpuNanos).sum();

        System.out.printf("BENCH coordinator: %d fake workers, %d classes x %d tests = %d results (%d heard), %s%n",
                workers, classes, tests, total, counter.results, runLoop.notRunReason() == null ? "all ran" : runLoop.notRunReason());
        System.out.printf("BENCH wall %.1f s; coordinator CPU %.1f s (run loop thread %.1f s, %d connection readers %.1f s)"
                        + " = %.1f us per result; fake workers' CPU %.1f s; whole process CPU %.1f s (GC included)%n",
                wall / 1e9, (loopCpu + counter.readerCpu) / 1e9, loopCpu / 1e9, counter.readers, counter.readerCpu / 1e9,
                (loopCpu + counter.readerCpu) / 1e3 / Math.max(1, counter.results), fakeCpu / 1e9, processCpu / 1e9);
        System.out.println("BENCH heap after GC by results reported: " + String.join(", ", counter.heap));
        deleteQuietly(temp);
        return counter.results;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void deleteQuietly(Path root) {
        try {
            RunHarness.deleteTree(root);
        } catch (Exception ignored) {
            // a temporary directory
        }
    }

    /** Counts results; at every tenth of them, the heap after a GC; at the end, what the reader threads spent. */
    private static final class Counter implements RunObserver {
        final long total;
        long results;
        final List<String> heap = new ArrayList<>();
        long readerCpu;
        int readers;

        Counter(long total) {
            this.total = total;
        }

        @Override
        public void testFinished(String workerId, TestUnit unit, TestFinished finished) {
            results++;
            if (results % Math.max(1, total / 10) == 0) {
                System.gc();
                // what the collection left, not what the workers' threads allocated since
                long live = ManagementFactory.getMemoryPoolMXBeans().stream()
                        .filter(pool -> pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null)
                        .mapToLong(pool -> pool.getCollectionUsage().getUsed()).sum();
                heap.add(String.format("%,d: %.1f MB", results, live / 1e6));
            }
        }

        @Override
        public void runFinished(long wallNanos) {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            for (Thread thread : Thread.getAllStackTraces().keySet()) {
                if (thread.getName().startsWith("distest-read-")) {
                    long cpu = threads.getThreadCpuTime(thread.getId());
                    if (cpu > 0) {
                        readerCpu += cpu;
                        readers++;
                    }
                }
            }
        }
    }
}
