package it.s36;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Fails on its first run in a build and passes on the re-run (a marker file per reports directory). */
class FlakyTest {
    @Test
    void passesOnTheSecondTry() throws IOException {
        Path marker = Path.of("target", "flaky-" + System.getProperty("verdicts.marker", "run").replaceAll("\\W", "_") + ".mark");
        boolean first = !Files.exists(marker);
        Files.writeString(marker, "ran");
        assertTrue(!first, "first try fails");
    }

    @Test
    void steady() {
    }
}
