package it.verdicts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ParameterizedSquaresTest {
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void squaresAreSmall(int n) {
        assertEquals(true, n * n < 5, n + " squared is " + (n * n));
    }

    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource({"1, 1, 2", "2, 3, 5", "2, 2, 5"})
    void adds(int a, int b, int sum) {
        assertEquals(sum, a + b);
    }
}
