package it.oldnames;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Before Surefire 3.5.4 every @Nested class has a report of its own and cases show the binary class name, not the
 * @DisplayName; before 3.5.2 dynamic tests are named by their factory method alone.
 */
@DisplayName("A named class")
class NestedNamesTest {
    @Test
    void plain() {
    }

    @ParameterizedTest(name = "value {0}")
    @ValueSource(ints = {1, 2})
    void parameterized(int value) {
        assertEquals(value, value);
    }

    @TestFactory
    Stream<DynamicTest> factory() {
        return Stream.of(DynamicTest.dynamicTest("one", () -> {}), DynamicTest.dynamicTest("two", () -> {}));
    }

    @Nested
    @DisplayName("a named inner class")
    class NamedInner {
        @Test
        void innerPasses() {
        }

        @Test
        void innerFails() {
            assertEquals("expected", "actual");
        }

        @Nested
        class Deeper {
            @ParameterizedTest
            @ValueSource(strings = {"x", "y"})
            void deeperParameterized(String value) {
                assertEquals(value, value);
            }
        }
    }

    @Nested
    class OnlyNested {
        @Nested
        class Innermost {
            @Test
            void innermost() {
            }
        }
    }

    @Nested
    @Disabled("switched off")
    class DisabledInner {
        @Test
        void neverRuns() {
        }
    }
}
