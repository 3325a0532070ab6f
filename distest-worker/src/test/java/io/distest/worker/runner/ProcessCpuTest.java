package io.distest.worker.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.junit.jupiter.api.Test;

class ProcessCpuTest {
    @Test
    void countsTheProcessorTimeOfEveryThreadNotOnlyTheCallers() throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        assumeTrue(ProcessCpu.nanos() >= 0 && threads.isCurrentThreadCpuTimeSupported(), "the JVM tells CPU times");
        long before = ProcessCpu.nanos();
        // another thread spins until it has had 200 ms of a core, however busy the machine is; this one only waits
        Thread spinner = new Thread(() -> {
            while (threads.getCurrentThreadCpuTime() < 200_000_000L) {
                Thread.onSpinWait();
            }
        });
        long spinnerStart = threads.getCurrentThreadCpuTime();
        spinner.start();
        spinner.join();
        long used = ProcessCpu.millisBetween(before, ProcessCpu.nanos());
        assertTrue(used >= 200, "a second thread used 200 ms of a core, the process " + used + " ms");
        assertTrue(threads.getCurrentThreadCpuTime() - spinnerStart < 200_000_000L, "the caller itself did not spin");
    }

    @Test
    void anUnknownReadingIsUnknown() {
        assertEquals(-1, ProcessCpu.millisBetween(-1, 5_000_000));
        assertEquals(-1, ProcessCpu.millisBetween(5_000_000, 1_000_000));
        assertEquals(3, ProcessCpu.millisBetween(1_000_000, 4_000_000));
    }
}
