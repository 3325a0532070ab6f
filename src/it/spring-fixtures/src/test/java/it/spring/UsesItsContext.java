package it.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The tests of every context's classes: one gets a bean of the context, one needs nothing of it. */
abstract class UsesItsContext {
    @Autowired
    SlowStart slowStart;

    @Test
    void getsTheContextsBean() throws InterruptedException {
        Thread.sleep(200);
        assertNotNull(slowStart);
    }

    @Test
    void addsUp() {
        assertEquals(4, 2 + 2);
    }
}
