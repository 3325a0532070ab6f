package it.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ShopIT {
    @Test
    void addsUp() {
        assertEquals(6, Shop.total(1, 2, 3));
    }

    @Test
    void runsWithFailsafesSettingsAndThePackagedJar() {
        assertEquals("failsafe", System.getProperty("cli.from"));
        String location = Shop.class.getProtectionDomain().getCodeSource().getLocation().toString();
        assertTrue(location.endsWith("failsafe-cli-goal-1.0-SNAPSHOT.jar"), location);
    }
}
