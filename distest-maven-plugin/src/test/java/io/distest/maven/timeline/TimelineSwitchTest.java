package io.distest.maven.timeline;

import io.distest.maven.run.RunHarness;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -Ddistest.timeline=false}: a real run that writes no page and names none. */
class TimelineSwitchTest {
    @TempDir
    Path temp;

    @Test
    void writesNoTimelineWhenSwitchedOff() throws Exception {
        RunHarness harness = new RunHarness(temp);
        harness.timeline = null;

        assertTrue(harness.run(List.of("popen"), "Slow1Fixture").passed(), harness.log.text());

        String efficiencyLine = harness.log.lines().stream().filter(line -> line.contains("efficiency")).findFirst()
                .orElseThrow(() -> new AssertionError("no efficiency line:\n" + harness.log.text()));
        assertFalse(efficiencyLine.contains("timeline"), efficiencyLine);
        try (var files = Files.list(temp.resolve("distest"))) {
            assertTrue(files.noneMatch(file -> file.getFileName().toString().matches("timeline.*|run.*\\.json")));
        }
    }
}
