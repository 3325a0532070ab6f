package it.verdicts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class RepeatedNestedAndDynamicTest {
    @RepeatedTest(3)
    void repeated(RepetitionInfo info) {
        assertEquals(true, info.getCurrentRepetition() != 2, "repetition 2 fails");
    }

    @TestFactory
    List<DynamicTest> dynamic() {
        return List.of(
                dynamicTest("first", () -> assertEquals(1, 1)),
                dynamicTest("second", () -> assertEquals(1, 2)));
    }

    @Nested
    class Inner {
        @Test
        void innerPasses() {
            assertEquals(3, 1 + 2);
        }

        @Test
        void innerErrs() {
            throw new UnsupportedOperationException("inner");
        }
    }
}
