package it.spring;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = ConfigA.class)
class A3Test extends UsesItsContext {
    @Test
    @Disabled("skipped under both tools")
    void notYet() {}
}
