package io.distest.maven.parameter;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class EarlyStartTest {
    @Test
    void startsEarlyOnlyForBuildsThatReachTheTests() {
        for (String goal : List.of("test", "package", "verify", "install", "deploy", "integration-test",
                "before:test", "distest:test", "io.distest:distest-maven-plugin:0.1.0-SNAPSHOT:integration-test")) {
            assertTrue(wanted(new Properties(), List.of("clean", goal)), goal);
        }
        for (String goal : List.of("clean", "compile", "test-compile", "process-test-classes", "surefire:test",
                "dependency:tree")) {
            assertFalse(wanted(new Properties(), List.of(goal)), goal);
        }
    }

    @Test
    void doesNotStartEarlyWhenTestsAreSkippedOrItsSwitchIsOff() {
        for (String property : List.of("skipTests", "maven.test.skip", "maven.test.skip.exec")) {
            assertFalse(wanted(properties(property, ""), List.of("verify")), "-D" + property);
            assertTrue(wanted(properties(property, "false"), List.of("verify")), "-D" + property + "=false");
        }
        assertFalse(wanted(properties(Parameters.POPEN_EARLY, "false"), List.of("verify")));
        assertFalse(wanted(properties(Parameters.POPEN_EARLY, " FALSE "), List.of("verify")));
        assertTrue(wanted(properties(Parameters.POPEN_EARLY, "no"), List.of("verify")), "only false switches it off");
    }

    private static boolean wanted(Properties user, List<String> goals) {
        return EarlyStart.wanted(user, goals, Parameters.POPEN_EARLY, Parameters.POPEN_EARLY_DEFAULT);
    }

    private static Properties properties(String name, String value) {
        Properties properties = new Properties();
        properties.setProperty(name, value);
        return properties;
    }
}
