package it.distest.shop;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Named IT*: one of Failsafe's default includes. Failsafe puts the packaged jar on the class path, not target/classes. */
class ITPackagedJar {
    @Test
    void mainClassesComeFromThePackagedJar() {
        String location = Greeter.class.getProtectionDomain().getCodeSource().getLocation().toString();
        assertTrue(location.endsWith(".jar"), location);
    }
}
