package io.distest.worker.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class CoreWaitTest {
    @Test
    void aThreadSharingItsCoresWithBusierThreadsHasWaited() throws Exception {
        assumeTrue(CoreWait.nanos() >= 0, "Linux tells a thread's waits in /proc/thread-self/schedstat");
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> spinners = new ArrayList<>();
        for (int i = 0; i < 2 * Runtime.getRuntime().availableProcessors(); i++) {
            Thread spinner = new Thread(() -> {
                while (!stop.get()) {
                    Thread.onSpinWait();
                }
            });
            spinner.setDaemon(true);
            spinner.start();
            spinners.add(spinner);
        }
        try {
            long before = CoreWait.nanos();
            long end = System.nanoTime() + 300_000_000L;
            while (System.nanoTime() < end) {
                Thread.onSpinWait();
            }
            long waited = CoreWait.millisBetween(before, CoreWait.nanos());
            assertTrue(waited > 0, "twice as many busy threads as cores: this one waited " + waited + " ms");
        } finally {
            stop.set(true);
            for (Thread spinner : spinners) {
                spinner.join();
            }
        }
    }

    @Test
    void anUnknownReadingCountsAsNoWait() {
        assertEquals(0, CoreWait.millisBetween(-1, 5_000_000));
        assertEquals(0, CoreWait.millisBetween(5_000_000, -1));
        assertEquals(3, CoreWait.millisBetween(1_000_000, 4_000_000));
    }
}
