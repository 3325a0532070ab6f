package it.txs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WhereOneTest {
    @BeforeAll
    static void meetTheOtherWorker() {
        Rendezvous.await(2);
    }

    @Test
    void seesItsSpecsSettings() {
        String worker = System.getProperty("distest.worker");
        String arg = System.getProperty("spec.arg");
        String env = System.getenv("SPEC_ENV");
        System.out.println("worker=" + worker + " number=" + System.getProperty("distest.worker.number")
                + " arg=" + arg + " env=" + env);
        assertNotNull(worker, "distest.worker");
        assertNotNull(System.getProperty("distest.worker.number"), "distest.worker.number");
        if (worker.equals("a")) { // popen//id=a//jvmArgs=-Dspec.arg=from-a
            assertEquals("from-a", arg, "//jvmArgs of spec a");
            assertNull(env, "SPEC_ENV belongs to spec b only");
        } else if (worker.equals("b")) { // popen//id=b//env:SPEC_ENV=from-b
            assertEquals("from-b", env, "//env:SPEC_ENV of spec b");
            assertNull(arg, "spec.arg belongs to spec a only");
        }
    }
}
