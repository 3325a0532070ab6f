package io.distest.protocol;

import java.util.List;

/**
 * Run one test class, optionally only some of its methods.
 *
 * @param unitId the plugin's id for this unit, echoed in every event about it
 * @param includeMethods method-name globs ({@code *}, {@code ?}) to run; empty: all methods
 * @param excludeMethods method-name globs not to run
 */
public record RunUnit(int unitId, String className, List<String> includeMethods, List<String> excludeMethods)
        implements Message {
    public RunUnit {
        if (className == null || className.isBlank()) {
            throw new IllegalArgumentException("className must not be blank");
        }
        includeMethods = List.copyOf(includeMethods);
        excludeMethods = List.copyOf(excludeMethods);
    }
}
