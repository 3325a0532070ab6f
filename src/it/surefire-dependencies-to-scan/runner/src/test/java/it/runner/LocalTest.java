package it.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import it.shared.Contract;
import org.junit.jupiter.api.Test;

class LocalTest {
    @Test
    void runsBesideTheSharedOnes() {
        assertEquals(6, Contract.twice(3));
    }
}
