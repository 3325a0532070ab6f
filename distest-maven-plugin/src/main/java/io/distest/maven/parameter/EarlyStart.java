package io.distest.maven.parameter;

import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * Whether something for a build's tests may start before the test phase (a far connection, a standby worker JVM):
 * only when the build's goals reach the tests, nobody asked to skip them, and its switch is not {@code false}.
 */
public final class EarlyStart {
    /** The default lifecycle's phases from {@code test} on: a build that reaches one of them runs the tests. */
    private static final Set<String> TEST_PHASES_AND_LATER = Set.of("test", "prepare-package", "package",
            "pre-integration-test", "integration-test", "post-integration-test", "verify", "install", "deploy");

    private EarlyStart() {}

    /**
     * @param user the session's user properties ({@code -D} on the command line)
     * @param goals the session's goals and phases
     * @param property the switch, such as {@value Parameters#SSH_EARLY}
     */
    public static boolean wanted(Properties user, List<String> goals, String property, String defaultValue) {
        if ("false".equalsIgnoreCase(user.getProperty(property, defaultValue).trim())
                || isTrue(user, "skipTests") || isTrue(user, "maven.test.skip") || isTrue(user, "maven.test.skip.exec")) {
            return false;
        }
        return goals.stream().anyMatch(EarlyStart::reachesTests);
    }

    static boolean reachesTests(String goal) {
        String phase = goal.replaceFirst("^(before|after):", ""); // Maven 4's phase hooks
        if (TEST_PHASES_AND_LATER.contains(phase)) {
            return true;
        }
        // a direct goal: distest:test, io.distest:distest-maven-plugin[:version]:integration-test
        return goal.contains("distest") && (goal.endsWith(":test") || goal.endsWith(":integration-test"));
    }

    private static boolean isTrue(Properties properties, String name) {
        String value = properties.getProperty(name);
        return value != null && (value.isBlank() || Boolean.parseBoolean(value.trim()));
    }
}
