package io.distest.maven.schedule;

import java.util.List;

/**
 * What a worker is handed at once: a test class, optionally narrowed to some methods.
 *
 * @param id unique within a run
 * @param includeMethods method-name globs to run; empty: all
 * @param excludeMethods method-name globs not to run
 */
public record TestUnit(int id, String className, List<String> includeMethods, List<String> excludeMethods) {
    public TestUnit {
        includeMethods = List.copyOf(includeMethods);
        excludeMethods = List.copyOf(excludeMethods);
    }

    public static TestUnit wholeClass(int id, String className) {
        return new TestUnit(id, className, List.of(), List.of());
    }
}
