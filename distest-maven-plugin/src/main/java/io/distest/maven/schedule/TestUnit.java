package io.distest.maven.schedule;

import java.util.List;

/**
 * What a worker is handed at once: a test class, optionally narrowed to some methods.
 *
 * @param id unique within a run
 * @param includeMethods method-name globs to run; empty: all
 * @param excludeMethods method-name globs not to run
 * @param onlyTests JUnit Platform unique ids: when not empty, only these tests are reported (a re-run of failures)
 * @param skipTests unique ids of tests that already have a result (the rest of a class whose worker died)
 * @param group with {@code dist=each}, the gateway (tx spec) whose workers run it and whose reports it joins;
 *     empty otherwise
 */
public record TestUnit(int id, String className, List<String> includeMethods, List<String> excludeMethods,
        List<String> onlyTests, List<String> skipTests, String group) {
    public TestUnit {
        includeMethods = List.copyOf(includeMethods);
        excludeMethods = List.copyOf(excludeMethods);
        onlyTests = List.copyOf(onlyTests);
        skipTests = List.copyOf(skipTests);
    }

    public TestUnit(int id, String className, List<String> includeMethods, List<String> excludeMethods,
            List<String> onlyTests, List<String> skipTests) {
        this(id, className, includeMethods, excludeMethods, onlyTests, skipTests, "");
    }

    public TestUnit(int id, String className, List<String> includeMethods, List<String> excludeMethods) {
        this(id, className, includeMethods, excludeMethods, List.of(), List.of());
    }

    /** The same tests under a new id, narrowed to {@code onlyTests} and without {@code skipTests}; same group. */
    public TestUnit again(int newId, List<String> onlyTests, List<String> skipTests) {
        return new TestUnit(newId, className, includeMethods, excludeMethods, onlyTests, skipTests, group);
    }

    /** The same unit for the gateway {@code group}, under a new id. */
    public TestUnit forGroup(int newId, String group) {
        return new TestUnit(newId, className, includeMethods, excludeMethods, onlyTests, skipTests, group);
    }

    /** Whether a test with this unique id belongs to this unit's results. */
    public boolean reports(String uniqueId) {
        return !skipTests.contains(uniqueId) && (onlyTests.isEmpty() || onlyTests.contains(uniqueId));
    }

    public static TestUnit wholeClass(int id, String className) {
        return new TestUnit(id, className, List.of(), List.of());
    }
}
