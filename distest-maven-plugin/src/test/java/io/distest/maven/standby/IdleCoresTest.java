package io.distest.maven.standby;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class IdleCoresTest {
    @Test
    @EnabledOnOs(OS.LINUX)
    void noCoreCountsAsIdleWhileEveryCoreIsBusy() throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        AtomicBoolean spin = new AtomicBoolean(true);
        List<Thread> busy = new ArrayList<>();
        for (int i = 0; i < cores; i++) {
            Thread thread = new Thread(() -> {
                while (spin.get()) {
                    Thread.onSpinWait(); // busy all the same: the core is not given up
                }
            });
            thread.start();
            busy.add(thread);
        }
        try {
            IdleCores idle = new IdleCores();
            Thread.sleep(100); // the spinning threads are running by now
            idle.sinceLastLook();
            Thread.sleep(300);

            double idleCores = idle.sinceLastLook();

            assertTrue(idleCores < 1, idleCores + " of " + cores + " cores idle while each had a spinning thread");
        } finally {
            spin.set(false);
            for (Thread thread : busy) {
                thread.join();
            }
        }
    }
}
