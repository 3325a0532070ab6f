package io.distest.protocol;

import java.util.List;

/**
 * Run one test class, optionally only some of its methods.
 *
 * @param unitId the plugin's id for this unit, echoed in every event about it
 * @param includeMethods method-name globs ({@code *}, {@code ?}) to run; empty: all methods
 * @param excludeMethods method-name globs not to run
 * @param onlyTests JUnit Platform unique ids: when not empty, only these tests (and the containers holding them) run
 * @param skipTests unique ids of tests not to run again
 */
public record RunUnit(int unitId, String className, List<String> includeMethods, List<String> excludeMethods,
        List<String> onlyTests, List<String> skipTests) implements Message {
    public RunUnit {
        onlyTests = List.copyOf(onlyTests);
        skipTests = List.copyOf(skipTests);
        if (className == null || className.isBlank()) {
            throw new IllegalArgumentException("className must not be blank");
        }
        includeMethods = List.copyOf(includeMethods);
        excludeMethods = List.copyOf(excludeMethods);
    }

    /** A whole class, or some of its methods. */
    public RunUnit(int unitId, String className, List<String> includeMethods, List<String> excludeMethods) {
        this(unitId, className, includeMethods, excludeMethods, List.of(), List.of());
    }
}
