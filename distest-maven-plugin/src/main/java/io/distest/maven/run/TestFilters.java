package io.distest.maven.run;

import java.util.List;
import java.util.Map;

/**
 * Filters and parameters every worker applies, in JUnit Platform terms.
 *
 * @param includeTags tag expressions from Surefire's {@code groups}
 * @param excludeTags tag expressions from {@code excludedGroups}
 * @param configurationParameters JUnit Platform configuration parameters
 */
public record TestFilters(List<String> includeTags, List<String> excludeTags, Map<String, String> configurationParameters) {
    public TestFilters {
        includeTags = List.copyOf(includeTags);
        excludeTags = List.copyOf(excludeTags);
        configurationParameters = Map.copyOf(configurationParameters);
    }
}
