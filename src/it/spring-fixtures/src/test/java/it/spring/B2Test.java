package it.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = ConfigB.class)
class B2Test extends UsesItsContext {
    @Test
    void seesAWrongAnswer() {
        assertEquals(42, 41, "a failure both tools must report");
    }
}
