package io.distest.protocol;

import java.util.List;
import java.util.Map;

/**
 * Settings for every unit this worker will run.
 *
 * @param includeTags JUnit Platform tag expressions a test must match (Surefire's {@code groups}); empty: all
 * @param excludeTags tag expressions that exclude a test (Surefire's {@code excludedGroups})
 * @param configurationParameters JUnit Platform configuration parameters
 */
public record Configure(List<String> includeTags, List<String> excludeTags, Map<String, String> configurationParameters)
        implements Message {
    public Configure {
        includeTags = List.copyOf(includeTags);
        excludeTags = List.copyOf(excludeTags);
        configurationParameters = Map.copyOf(configurationParameters);
    }
}
