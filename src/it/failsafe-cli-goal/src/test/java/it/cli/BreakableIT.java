package it.cli;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** Fails when the build says -Dcli.break=true (a user property, promoted to the test JVMs as Failsafe does). */
class BreakableIT {
    @Test
    void holdsUnlessBroken() {
        assertNotEquals("true", System.getProperty("cli.break"));
    }
}
