package io.distest.maven.surefire;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The Surefire-named settings of one distest execution as the goal holds them once Surefire's (or Failsafe's)
 * configuration has been applied: the one plain value {@link SurefireTranslation} turns into what the workers run.
 * Values are as Maven configured them ({@code null}: not set).
 */
public record TestSettings(String argLine, boolean enableAssertions, Properties systemProperties,
        Path systemPropertiesFile, Map<String, String> systemPropertyVariables,
        boolean promoteUserPropertiesToSystemProperties, List<String> includes, List<String> excludes,
        Path includesFile, Path excludesFile, String test, String groups, String excludedGroups, Properties properties,
        List<Path> suiteXmlFiles, Parallelism parallelism, List<String> dependenciesToScan,
        Path testClassesDirectory, Path workingDirectory, int rerunFailingTestsCount) {

    /** Surefire's {@code parallel}. */
    public String parallel() {
        return parallelism.parallel();
    }

    /** Surefire's {@code threadCount}. */
    public Integer threadCount() {
        return parallelism.threadCount();
    }

    /** Whether {@code -Dtest} (or {@code -Dit.test}) selects the tests. */
    public boolean hasTestFilter() {
        return test != null && !test.isBlank();
    }
}
