package it.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContainersTest {

    @Test
    void plain() {
        assertEquals(2, 1 + 1);
    }

    @Disabled("not today")
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void disabledParameterized(int value) {
        assertEquals(value, value);
    }

    @EnabledIfSystemProperty(named = "it.containers.never", matches = "set")
    @ParameterizedTest
    @ValueSource(strings = {"a", "b"})
    void conditionalParameterized(String value) {
        assertEquals(value, value);
    }

    @EnabledIfSystemProperty(named = "it.containers.never", matches = "set")
    @TestFactory
    Stream<DynamicTest> conditionalFactory() {
        return Stream.of(DynamicTest.dynamicTest("one", () -> {}));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void enabledParameterized(int value) {
        assertEquals(value, value);
    }

    @Nested
    class Inner {
        @Test
        void innerPasses() {
            assertEquals(3, 1 + 2);
        }

        @Test
        void innerFails() {
            assertEquals("expected", "actual");
        }

        @Nested
        class Deeper {
            @Test
            void deeperPasses() {
                assertEquals(4, 2 + 2);
            }
        }
    }

    @Nested
    @Disabled("switched off")
    class DisabledInner {
        @Test
        void neverRunsA() {
        }

        @Test
        void neverRunsB() {
        }
    }
}
