package io.distest.maven;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distest.maven.run.RunHarness;
import io.distest.maven.run.RunSummary;
import io.distest.maven.surefire.TestPlugin;
import java.io.File;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

class VerdictTest {
    private final RunHarness.RecordingLog log = new RunHarness.RecordingLog();

    private Verdict verdict(String test, boolean failIfNoTests, int failOnFlakeCount, boolean testFailureIgnore) {
        return new Verdict(TestPlugin.FAILSAFE, test, true, failIfNoTests, failOnFlakeCount, testFailureIgnore,
                new File("target/reports"), log);
    }

    @Test
    void aTestFilterThatMatchedNothingFailsNamingTheGoalsOwnProperty() {
        MojoFailureException e = assertThrows(MojoFailureException.class,
                () -> verdict("NoSuch*", false, 0, false).judge(new RunSummary(0, 0, 0, 0, 0, null)));
        assertTrue(e.getMessage().contains("\"NoSuch*\""), e.getMessage());
        assertTrue(e.getMessage().contains("-D" + TestPlugin.FAILSAFE.property("surefire.failIfNoSpecifiedTests")),
                e.getMessage());
    }

    @Test
    void noTestsPassesUnlessFailIfNoTestsIsSet() throws Exception {
        verdict(null, false, 0, false).noTests();
        assertEquals(List.of("No tests to run."), log.lines());
        assertThrows(MojoFailureException.class, () -> verdict(null, true, 0, false).noTests());
    }

    @Test
    void failuresFailTheBuildUnlessIgnoredAndThenTheyAreLoggedAsAnError() {
        RunSummary failed = new RunSummary(3, 1, 0, 0, 0, null);
        assertThrows(MojoFailureException.class, () -> verdict(null, false, 0, false).judge(failed));
        assertDoesNotThrow(() -> verdict(null, false, 0, true).judge(failed));
        assertTrue(log.text().contains("There are test failures."), log.text());
    }

    @Test
    void flakesFailTheBuildFromFailOnFlakeCountOn() {
        RunSummary flaky = new RunSummary(3, 0, 0, 0, 2, null);
        assertDoesNotThrow(() -> verdict(null, false, 3, false).judge(flaky));
        MojoFailureException e = assertThrows(MojoFailureException.class,
                () -> verdict(null, false, 2, false).judge(flaky));
        assertTrue(e.getMessage().contains("2 flaky tests (failOnFlakeCount=2)"), e.getMessage());
    }

    @Test
    void unrunTestsFailTheBuildWithTheReason() {
        MojoFailureException e = assertThrows(MojoFailureException.class,
                () -> verdict(null, false, 0, true).judge(new RunSummary(3, 0, 0, 0, 0, "no worker is left")));
        assertTrue(e.getMessage().startsWith("Some tests did not run: no worker is left."), e.getMessage());
    }
}
