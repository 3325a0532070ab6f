package it.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = ConfigB.class)
class B2Test {
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

    @Test
    void seesAWrongAnswer() {
        assertEquals(42, 41, "a failure both tools must report");
    }
}
