package it.forks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AlphaTest {
    @Test
    void getsItsForkNumberInArgLineSystemPropertiesEnvironmentAndWorkingDirectory() {
        String number = System.getProperty("fork.fromArgLine");
        assertTrue("1".equals(number) || "2".equals(number), "fork number from argLine: " + number);
        assertEquals("schema_" + number, System.getProperty("fork.schema"));
        assertEquals("file_" + number, System.getProperty("fork.fromFile"));
        assertEquals("80" + number, System.getenv("FORK_PORT"));
        assertEquals("fork_" + number, Path.of(System.getProperty("user.dir")).getFileName().toString());
    }
}
