package it.two;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;

class OtherTest {
    @Test
    void seesAFlavourToo() {
        assertNotNull(System.getProperty("flavour"));
    }
}
