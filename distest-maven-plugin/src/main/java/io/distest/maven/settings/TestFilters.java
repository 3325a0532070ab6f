package io.distest.maven.settings;

import java.util.List;
import java.util.Map;

/**
 * Filters and parameters every worker applies, in JUnit Platform terms.
 *
 * @param includeTags tag expressions from Surefire's {@code groups}
 * @param excludeTags tag expressions from {@code excludedGroups}
 * @param configurationParameters JUnit Platform configuration parameters
 * @param includeEngines engine ids from Surefire's {@code includeJUnit5Engines}; empty: every engine
 * @param excludeEngines engine ids from Surefire's {@code excludeJUnit5Engines}
 * @param skippedClassAsItsTests report a skipped class as its skipped tests, as Surefire's JUnit Platform provider
 *     does; {@code false}: as one case, as its JUnit 4 provider does (a JUnit 4 project run on the Vintage engine)
 * @param abortedClassAsItsTests report a class aborted in {@code @BeforeAll} as each of its tests aborted, as Surefire
 *     3.6 does; {@code false}: as nothing, as Surefire 3.5 does
 */
public record TestFilters(List<String> includeTags, List<String> excludeTags, Map<String, String> configurationParameters,
        List<String> includeEngines, List<String> excludeEngines, boolean skippedClassAsItsTests,
        boolean abortedClassAsItsTests) {
    public TestFilters {
        includeTags = List.copyOf(includeTags);
        excludeTags = List.copyOf(excludeTags);
        configurationParameters = Map.copyOf(configurationParameters);
        includeEngines = List.copyOf(includeEngines);
        excludeEngines = List.copyOf(excludeEngines);
    }
}
