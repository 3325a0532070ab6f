package it.two;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FlavourTest {
    @Test
    void runsWithItsExecutionsFlavour() {
        String flavour = System.getProperty("flavour");
        assertTrue(flavour != null && flavour.matches("[abc]"), "flavour is " + flavour);
        System.out.println("flavour " + flavour);
    }
}
