package io.distest.protocol;

import java.util.List;
import java.util.Map;

/**
 * Settings for every unit this worker will run.
 *
 * @param includeTags JUnit Platform tag expressions a test must match (Surefire's {@code groups}); empty: all
 * @param excludeTags tag expressions that exclude a test (Surefire's {@code excludedGroups})
 * @param configurationParameters JUnit Platform configuration parameters
 * @param testTimeoutMillis a test running longer is reported with a thread dump and its worker ends; 0: no limit
 * @param includeEngines ids of the only test engines that run (Surefire's {@code includeJUnit5Engines}); empty: all
 * @param excludeEngines ids of test engines that do not run (Surefire's {@code excludeJUnit5Engines})
 * @param skippedClassAsItsTests report a skipped class as its skipped tests, as Surefire's JUnit Platform provider
 *     does; {@code false}: as one case without a name, as its JUnit 4 provider does (JUnit 4-only projects)
 * @param abortedClassAsItsTests report a class aborted before any of its tests started (an assumption in
 *     {@code @BeforeAll}) as each of its tests aborted, as Surefire 3.6's JUnit Platform provider does; {@code false}:
 *     report nothing for it, as 3.5's does (the class's report has no case)
 */
public record Configure(List<String> includeTags, List<String> excludeTags, Map<String, String> configurationParameters,
        long testTimeoutMillis, List<String> includeEngines, List<String> excludeEngines, boolean skippedClassAsItsTests,
        boolean abortedClassAsItsTests) implements Message {
    public Configure {
        includeTags = List.copyOf(includeTags);
        excludeTags = List.copyOf(excludeTags);
        configurationParameters = Map.copyOf(configurationParameters);
        includeEngines = List.copyOf(includeEngines);
        excludeEngines = List.copyOf(excludeEngines);
    }

    /** Named as Surefire 3.5's JUnit Platform provider names results. */
    public Configure(List<String> includeTags, List<String> excludeTags, Map<String, String> configurationParameters,
            long testTimeoutMillis, List<String> includeEngines, List<String> excludeEngines) {
        this(includeTags, excludeTags, configurationParameters, testTimeoutMillis, includeEngines, excludeEngines, true,
                false);
    }

    /** Every engine on the class path. */
    public Configure(List<String> includeTags, List<String> excludeTags, Map<String, String> configurationParameters,
            long testTimeoutMillis) {
        this(includeTags, excludeTags, configurationParameters, testTimeoutMillis, List.of(), List.of());
    }

    /** Without a test timeout, every engine on the class path. */
    public Configure(List<String> includeTags, List<String> excludeTags, Map<String, String> configurationParameters) {
        this(includeTags, excludeTags, configurationParameters, 0);
    }
}
