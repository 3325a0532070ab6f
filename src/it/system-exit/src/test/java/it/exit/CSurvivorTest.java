package it.exit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CSurvivorTest {
    @BeforeAll
    static void needTheReplacementWorker() {
        Survivors.awaitReplacement();
    }

    @Test
    void one() {
        assertEquals(1, 1);
    }

    @Test
    void two() {
        System.out.println("pid=" + ProcessHandle.current().pid());
        assertNotNull(System.getProperty("distest.worker"));
    }

    @Test
    void three() {
        assertEquals("C", "C".trim());
    }
}
