package io.distest.maven.run;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distest.maven.gateway.Gateway;
import io.distest.maven.gateway.SpawnedWorker;
import io.distest.maven.gateway.WorkerLaunch;
import io.distest.maven.report.RunObserver;
import io.distest.maven.settings.Dist;
import io.distest.maven.settings.Requests;
import io.distest.maven.settings.WorkerSetup;
import io.distest.maven.tx.TxSpec;
import io.distest.maven.tx.TxSpecs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerPoolTest {
    @TempDir
    Path temp;

    /** A gateway whose close hangs (a far host gone silent) until the test lets it go. */
    private static final class HangingGateway implements Gateway {
        final CountDownLatch closing = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public SpawnedWorker spawn(WorkerLaunch launch) {
            throw new UnsupportedOperationException("this pool is never started");
        }

        @Override
        public void close() {
            closing.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void closeGivesUpOnAHangingGatewayWhenTheInjectedClockSaysItsTimeIsOver() throws Exception {
        // every reading is 11 s after the one before: past the 10 s a gateway gets as soon as its wait begins
        AtomicLong nanos = new AtomicLong();
        LongSupplier leaping = () -> nanos.addAndGet(TimeUnit.SECONDS.toNanos(11));
        TxSpec spec = TxSpecs.parse("ssh=far");
        HangingGateway gateway = new HangingGateway();
        WorkerSetup setup = new WorkerSetup(List.of(), temp.resolve("distest-worker.jar"),
                Requests.jvm(List.of(), Map.of(), Map.of(), temp), temp, null);
        WorkerPool pool = new WorkerPool(new PoolSettings(List.of(spec), Dist.LOAD, temp.resolve("distest"), setup,
                Requests.workers(0, Duration.ofSeconds(60))), new RunHarness.RecordingLog(), Map.of(spec, gateway),
                new RunObserver() {}, leaping);
        try {
            long began = System.nanoTime();
            pool.close();
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);

            assertTrue(gateway.closing.await(10, TimeUnit.SECONDS), "the pool closes its gateway");
            assertTrue(tookMillis < 5_000, "by the wall clock close would wait 10 s for the gateway; by the injected"
                    + " clock its time was over at once, yet close took " + tookMillis + " ms");
            assertTrue(nanos.get() > 0, "the deadline was read from the injected clock");
        } finally {
            gateway.release.countDown();
        }
    }
}
