package io.distest.worker.warmup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The test class {@link io.distest.worker.runner.WarmUp} runs: the Jupiter features most test classes use, so that their
 * engine code is in the class data sharing archive. Never part of a project's run. Where junit-jupiter-params is
 * absent, the parameterized test's annotations are ignored and it is not a test.
 */
@DisplayName("distest warm-up")
class WarmUpTest {
    private int count;

    @BeforeAll
    static void beforeAll() {}

    @BeforeEach
    void setUp() {
        count = 1;
    }

    @AfterEach
    void tearDown() {
        count = 0;
    }

    @Test
    void passes() {
        System.out.println("warm-up output");
        assertEquals(1, count);
    }

    @Test
    void fails() {
        assertEquals(2, count, "a failure, to warm up how it is reported");
    }

    @Test
    @Disabled("warm-up of a skipped test")
    void skipped() {}

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void parameterized(int value) {
        assertTrue(value > 0);
    }

    @Nested
    class Inner {
        @Test
        void nested() {
            assertEquals(1, count);
        }
    }
}
