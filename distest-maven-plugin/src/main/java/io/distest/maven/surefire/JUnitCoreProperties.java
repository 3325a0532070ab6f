package io.distest.maven.surefire;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The provider properties Surefire hands its JUnit 4.7 provider ({@code JUnitCoreProvider}): the parallel settings
 * and the groups, under the provider's property names. As in Surefire, a {@code parallel} mode keeps only the thread
 * counts it uses, and one without any thread count is refused.
 */
final class JUnitCoreProperties {
    private JUnitCoreProperties() {}

    /**
     * @throws IllegalArgumentException a {@code parallel} mode with no threads to run it, naming the settings to add
     */
    static Map<String, String> of(Parallelism settings, String groups, String excludedGroups) {
        String parallel = settings.parallel() == null ? "none" : settings.parallel().trim();
        int threads = settings.threadCount() == null ? 0 : settings.threadCount();
        int suites = settings.threadCountSuites();
        int classes = settings.threadCountClasses();
        int methods = settings.threadCountMethods();
        switch (parallel) {
            case "none" -> { }
            case "suites" -> { classes = 0; methods = 0; }
            case "classes" -> { suites = 0; methods = 0; }
            case "methods" -> { suites = 0; classes = 0; }
            case "suitesAndClasses" -> methods = 0;
            case "suitesAndMethods" -> classes = 0;
            case "both", "classesAndMethods" -> suites = 0;
            case "all" -> { }
            default -> throw new IllegalArgumentException("parallel='" + parallel + "' is not a mode Surefire's JUnit"
                    + " 4.7 provider knows: use methods, classes, suites, suitesAndClasses, suitesAndMethods,"
                    + " classesAndMethods (or both), all, or none");
        }
        if (!"none".equals(parallel) && !settings.useUnlimitedThreads() && threads <= 0 && suites + classes + methods <= 0) {
            throw new IllegalArgumentException("parallel='" + parallel + "' has no threads to run on: set threadCount"
                    + " (or threadCountSuites/threadCountClasses/threadCountMethods) above 0, or useUnlimitedThreads=true,"
                    + " as Surefire requires");
        }
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("parallel", parallel);
        if (threads > 0) {
            properties.put("threadcount", Integer.toString(threads));
        }
        properties.put("perCoreThreadCount", Boolean.toString(settings.perCoreThreadCount()));
        properties.put("useUnlimitedThreads", Boolean.toString(settings.useUnlimitedThreads()));
        properties.put("threadcountsuites", Integer.toString(suites));
        properties.put("threadcountclasses", Integer.toString(classes));
        properties.put("threadcountmethods", Integer.toString(methods));
        properties.put("paralleltimeout", Double.toString(settings.timeoutSeconds()));
        properties.put("paralleltimeoutforced", Double.toString(settings.forcedTimeoutSeconds()));
        properties.put("paralleloptimization", Boolean.toString(settings.optimized()));
        if (excludedGroups != null) {
            properties.put("excludegroups", excludedGroups);
        }
        if (groups != null) {
            properties.put("groups", groups);
        }
        return properties;
    }
}
