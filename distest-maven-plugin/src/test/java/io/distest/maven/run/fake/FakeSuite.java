package io.distest.maven.run.fake;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The test classes fake workers know, and what each test does when it runs. Shared by every fake worker of a run
 * (a flaky test fails the first time it runs anywhere).
 */
public final class FakeSuite {
    /** What a fake test does. */
    public enum Act {
        PASS, FAIL,
        /** fails the first time it runs, passes after */
        FLAKY,
        /** the worker's JVM dies once the test started */
        CRASH,
        /** the test never ends */
        HANG
    }

    private final Map<String, Map<String, Act>> classes = new LinkedHashMap<>();
    private final Set<String> waitForRevoke = new HashSet<>();
    private final Set<String> failedOnce = new HashSet<>();
    /** A generated suite: classes {@code prefix0}, {@code prefix1}, … each with the same passing tests; or null. */
    private String generatedPrefix;
    private int generatedClasses;
    private Map<String, Act> generatedTests;

    /** {@code classes} classes named {@code prefix0}, {@code prefix1}, … of {@code tests} passing tests each, made on demand. */
    public static FakeSuite generated(String prefix, int classes, int tests) {
        FakeSuite suite = new FakeSuite();
        suite.generatedPrefix = prefix;
        suite.generatedClasses = classes;
        suite.generatedTests = new LinkedHashMap<>();
        for (int i = 0; i < tests; i++) {
            suite.generatedTests.put("t" + i, Act.PASS);
        }
        return suite;
    }

    /** A class whose tests are {@code name:act} pairs, e.g. {@code "a:pass", "b:crash"}, run in this order. */
    public FakeSuite add(String className, String... tests) {
        Map<String, Act> acts = new LinkedHashMap<>();
        for (String test : tests) {
            String[] parts = test.split(":");
            acts.put(parts[0], Act.valueOf(parts[1].toUpperCase(java.util.Locale.ROOT)));
        }
        classes.put(className, acts);
        return this;
    }

    /** The class starts only once its worker was asked to give a unit back (so that stealing must happen first). */
    public FakeSuite waitsForRevoke(String className) {
        waitForRevoke.add(className);
        return this;
    }

    public List<String> classNames() {
        List<String> names = new ArrayList<>(classes.keySet());
        for (int i = 0; i < generatedClasses; i++) {
            names.add(generatedPrefix + i);
        }
        return names;
    }

    Map<String, Act> testsOf(String className) {
        if (generatedPrefix != null && className.startsWith(generatedPrefix)) {
            return generatedTests;
        }
        Map<String, Act> tests = classes.get(className);
        if (tests == null) {
            throw new IllegalArgumentException("no fake class " + className + "; known: " + classes.keySet());
        }
        return tests;
    }

    boolean holdsUntilRevoke(String className) {
        return waitForRevoke.contains(className);
    }

    /** Whether the flaky test fails now: the first time only. */
    synchronized boolean failsNow(String uniqueId) {
        return failedOnce.add(uniqueId);
    }

    /** The unique id a fake test has, as the JUnit Platform would give it. */
    public static String uniqueId(String className, String method) {
        return "[engine:fake]/[class:" + className + "]/[method:" + method + "()]";
    }
}
