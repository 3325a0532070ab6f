package io.distest.maven.surefire;

import io.distest.protocol.TestId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the project's Surefire (or Failsafe) version names test cases and lays out its report files, where that
 * differs from Surefire 3.5.4: the workers run the 3.5.4 providers and distest reports through 3.5.4's reporters,
 * so a test arrives named as 3.5.4 names it and these rules turn it into what the project's version writes. Every
 * rule is a difference seen side by side with real Surefire runs, and names the versions it covers:
 * <ul>
 *   <li>{@link Rule#NESTED_CLASS_REPORTS} (JUnit Platform, before 3.5.4; seen on 3.0.0, 3.2.5, 3.3.1, 3.4.0,
 *       3.5.2, 3.5.3): every {@code @Nested} class gets its own {@code TEST-Outer$Inner.xml} and its cases show the
 *       class's binary name as {@code classname}, never its {@code @DisplayName} (SUREFIRE-2298 changed both).</li>
 *   <li>{@link Rule#BARE_TEMPLATE_NAMES} (JUnit Platform, before 3.5.2; seen on 3.0.0, 3.2.5, 3.3.1, 3.4.0): an
 *       invocation of a method without parameters (a dynamic test of a {@code @TestFactory}, a
 *       {@code @RepeatedTest}) is named by the bare method name, {@code factory} where 3.5.2 writes
 *       {@code factory()[1]} (SUREFIRE-2276).</li>
 *   <li>{@link Rule#BARE_TESTNG_NAMES} (TestNG, before 3.0.0-M5; seen on 2.10, 2.22.2, 3.0.0-M3, 3.0.0-M4): a
 *       data-provider invocation is named by the bare method name, {@code notThree} where 3.0.0-M5 writes
 *       {@code notThree[3](3)}.</li>
 *   <li>{@link Rule#TESTNG_EMPTY_NAME_AS_CLASS} (TestNG, before 3.0.0-M4; seen on 2.10, 2.22.2, 3.0.0-M3): a test
 *       whose TestNG name is empty (a public method of a class annotated {@code @Test}) is named
 *       {@code (its.Class)}: those versions named tests {@code name(class)} and cut the class off only after a
 *       non-empty name.</li>
 * </ul>
 * And some newer than 3.5.4, whatever the provider:
 * <ul>
 *   <li>{@link Rule#PER_METHOD_COUNTS} (3.5.5 to 3.6.0-M1; read in 3.5.5's and 3.5.6's reporter, seen on 3.5.6 and
 *       commons-collections): {@code <testsuite>} counts each test once by its outcome over all its runs, tests of the
 *       same class and method name as one, and has a {@code flakes} attribute after {@code failures},
 *       {@code flakes="0"} included.</li>
 *   <li>{@link Rule#PER_CASE_COUNTS} (3.6.0 on; read in 3.6.1's reporter, seen on 3.6.1): the same, but every case is
 *       a test of its own.</li>
 *   <li>{@link Rule#SKIPPED_SUMMARY_AS_INFO} (3.5.5 on; read in 3.5.5's logger API, seen on 3.5.6 and commons-collections):
 *       the run's summary {@code Tests run: …, Skipped: N} with nothing failed or flaky is logged at info, not as a
 *       warning (the per-class lines stay warnings).</li>
 *   <li>{@link Rule#CLASS_ERROR_NAMES} (JUnit Platform, 3.6.0-M1 on; seen on 3.6.1): a class-level failure is the case
 *       {@code initializationError} when no test of the class has passed yet ({@code @BeforeAll}), else
 *       {@code executionError} ({@code @AfterAll}), where 3.5.4 writes an empty name.</li>
 * </ul>
 * A version without a JUnit Platform provider (before 2.22.0, such as the 2.12.4 Maven 3.8 binds by default) has no
 * names of its own for JUnit 5 tests: they keep 3.5.4's.
 */
public final class ReportNaming {
    /** Surefire 3.5.4's naming and layout: what the workers and the reporters produce already. */
    public static final ReportNaming LATEST = new ReportNaming(null, List.of());

    /** The differences from 3.5.4 one Surefire version has. */
    public enum Rule {
        NESTED_CLASS_REPORTS, BARE_TEMPLATE_NAMES, BARE_TESTNG_NAMES, TESTNG_EMPTY_NAME_AS_CLASS, PER_METHOD_COUNTS,
        PER_CASE_COUNTS, SKIPPED_SUMMARY_AS_INFO, CLASS_ERROR_NAMES
    }

    /** A parameterless method's invocation as 3.5.4 names it: {@code factory()[1]}. */
    private static final Pattern TEMPLATE_INVOCATION = Pattern.compile("([^()\\[\\]]+)\\(\\)\\[\\d+]");
    /** A TestNG data-provider invocation as 3.0.0-M5+ names it: {@code name[parameters](invocation count)}. */
    private static final Pattern TESTNG_INVOCATION = Pattern.compile("([^\\[]*)\\[.*]\\(\\d+\\)", Pattern.DOTALL);

    private final String version;
    private final List<Rule> rules;

    private ReportNaming(String version, List<Rule> rules) {
        this.version = version;
        this.rules = List.copyOf(rules);
    }

    /**
     * @param version the project's maven-surefire-plugin (or maven-failsafe-plugin) version; {@code null} or blank:
     *     unknown, named as the newest
     * @param provider the provider Surefire would choose, whose names the rules adjust
     */
    public static ReportNaming of(String version, ProviderChoice.Kind provider) {
        List<Rule> rules = new ArrayList<>();
        // before 2.22.0 Surefire had no JUnit Platform provider (Maven 3.8 binds 2.12.4): no older names to follow
        if (provider == ProviderChoice.Kind.JUNIT_PLATFORM && !SurefireRules.before(version, "2.22.0")) {
            add(rules, Rule.NESTED_CLASS_REPORTS, version, "3.5.4");
            add(rules, Rule.BARE_TEMPLATE_NAMES, version, "3.5.2");
        } else if (provider == ProviderChoice.Kind.TESTNG) {
            add(rules, Rule.BARE_TESTNG_NAMES, version, "3.0.0-M5");
            add(rules, Rule.TESTNG_EMPTY_NAME_AS_CLASS, version, "3.0.0-M4");
        }
        if (since(version, "3.6.0")) {
            rules.add(Rule.PER_CASE_COUNTS);
        } else if (since(version, "3.5.5")) {
            rules.add(Rule.PER_METHOD_COUNTS);
        }
        if (since(version, "3.5.5")) {
            rules.add(Rule.SKIPPED_SUMMARY_AS_INFO);
        }
        if (provider == ProviderChoice.Kind.JUNIT_PLATFORM && since(version, "3.6.0-M1")) {
            rules.add(Rule.CLASS_ERROR_NAMES);
        }
        return rules.isEmpty() ? LATEST : new ReportNaming(version, rules);
    }

    /** Whether a known version is {@code release} or later (an unknown one is named as 3.5.4). */
    private static boolean since(String version, String release) {
        return version != null && !version.isBlank() && !SurefireRules.before(version, release);
    }

    private static void add(List<Rule> rules, Rule rule, String version, String changedIn) {
        if (SurefireRules.before(version, changedIn)) {
            rules.add(rule);
        }
    }

    /** The rules in force, in a fixed order. */
    public List<Rule> rules() {
        return rules;
    }

    /**
     * Whether {@code <testsuite>} counts each test once over all its runs and carries a {@code flakes} count, with
     * tests of one method name as one ({@link Rule#PER_METHOD_COUNTS}) or every case apart ({@link Rule#PER_CASE_COUNTS}).
     */
    public boolean perMethodCounts() {
        return rules.contains(Rule.PER_METHOD_COUNTS) || rules.contains(Rule.PER_CASE_COUNTS);
    }

    /** Whether the run's summary with skipped tests only is logged at info ({@link Rule#SKIPPED_SUMMARY_AS_INFO}). */
    public boolean skippedSummaryAsInfo() {
        return rules.contains(Rule.SKIPPED_SUMMARY_AS_INFO);
    }

    /**
     * The name of a class-level failure (a test without a method) of {@code className}: with
     * {@link Rule#CLASS_ERROR_NAMES} {@code initializationError} or, once a test of that class has passed in this
     * worker, {@code executionError}; else the test's own (empty) name.
     */
    public String classErrorName(TestId test, boolean classHadAPassingTest) {
        if (!rules.contains(Rule.CLASS_ERROR_NAMES) || test.methodName() != null && !test.methodName().isEmpty()) {
            return test.methodName();
        }
        return classHadAPassingTest ? "executionError" : "initializationError";
    }

    /** Whether a {@code @Nested} class's cases go into a report of their own (see {@link #testSet}). */
    public boolean nestedClassReports() {
        return rules.contains(Rule.NESTED_CLASS_REPORTS);
    }

    /**
     * The test set (report file) a test lands in when its unit runs {@code unitClass}: with
     * {@link Rule#NESTED_CLASS_REPORTS} a nested class of it is its own test set; else, or for any other class,
     * {@code null}: the unit's own.
     */
    public String testSet(TestId test, String unitClass) {
        String owner = test.className();
        boolean nested = nestedClassReports() && owner != null && owner.startsWith(unitClass + "$");
        return nested ? owner : null;
    }

    /**
     * The test sets (report files) Surefire writes for a unit of {@code unitClass} whose tests went into
     * {@code used} (see {@link #testSet}): with {@link Rule#NESTED_CLASS_REPORTS} also every class between the unit's
     * class and a nested class, with no tests of its own (Surefire before 3.5.4 writes one, {@code tests="0"}, for
     * every class container that ran), each before the classes inside it.
     */
    public List<String> testSets(String unitClass, Collection<String> used) {
        if (!nestedClassReports()) {
            return List.copyOf(used);
        }
        Set<String> sets = new LinkedHashSet<>();
        for (String name : used) {
            if (name.startsWith(unitClass + "$")) {
                sets.add(unitClass);
                for (int dollar = name.indexOf('$', unitClass.length() + 1); dollar > 0; dollar = name.indexOf('$', dollar + 1)) {
                    sets.add(name.substring(0, dollar));
                }
            }
            sets.add(name);
        }
        return List.copyOf(sets);
    }

    /** The test named as the project's Surefire names it; the same test when no rule applies. */
    public TestId name(TestId test) {
        if (rules.isEmpty()) {
            return test;
        }
        String method = test.methodName();
        String reportClass = test.reportClass();
        if (method != null && rules.contains(Rule.BARE_TEMPLATE_NAMES)) {
            Matcher invocation = TEMPLATE_INVOCATION.matcher(method);
            method = invocation.matches() ? invocation.group(1) : method;
        }
        if (method != null && rules.contains(Rule.BARE_TESTNG_NAMES)) {
            Matcher invocation = TESTNG_INVOCATION.matcher(method);
            method = invocation.matches() ? invocation.group(1) : method;
        }
        if (method != null && method.isEmpty() && rules.contains(Rule.TESTNG_EMPTY_NAME_AS_CLASS)) {
            method = "(" + test.className() + ")";
        }
        if (nestedClassReports() && test.className() != null && (test.methodName() != null || reportClass != null)) {
            reportClass = test.className(); // the binary name, not the @DisplayName
        }
        boolean same = Objects.equals(method, test.methodName()) && Objects.equals(reportClass, test.reportClass());
        return same ? test : new TestId(test.uniqueId(), test.className(), method, test.displayName(), reportClass);
    }

    @Override
    public String toString() {
        return rules.isEmpty() ? "Surefire 3.5.4 naming" : "Surefire " + version + " naming " + rules;
    }
}
