package io.distest.maven.surefire;

import static io.distest.maven.surefire.ProviderChoice.Kind.JUNIT4;
import static io.distest.maven.surefire.ProviderChoice.Kind.JUNIT_PLATFORM;
import static io.distest.maven.surefire.ProviderChoice.Kind.TESTNG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distest.maven.surefire.ReportNaming.Rule;
import io.distest.protocol.TestId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The names and report files of each Surefire version, as seen on real runs (see ReportNaming's Javadoc). */
class ReportNamingTest {
    private static final String OUTER = "it.containers.NamedTest";

    /** A Jupiter test as the worker names it (Surefire 3.5.4's names). */
    private static TestId jupiter(String className, String method, String reportClass) {
        return new TestId("[engine:junit-jupiter]/[class:" + className + "]/[method:" + method + "]", className, method,
                method, reportClass);
    }

    /** A TestNG test as Surefire 3.5.4's TestNG provider names it. */
    private static TestId testNg(String className, String name) {
        return new TestId(className + "#" + name, className, name, name);
    }

    @Test
    void surefire354AndAnUnknownVersionKeepTheWorkersNames() {
        for (String version : new String[] {"3.5.4", null, " "}) {
            assertSame(ReportNaming.LATEST, ReportNaming.of(version, JUNIT_PLATFORM), version);
        }
        TestId test = jupiter(OUTER + "$Inner", "factory()[1]", "named inner");
        assertSame(test, ReportNaming.LATEST.name(test));
        assertNull(ReportNaming.LATEST.testSet(test, OUTER));
    }

    @Test
    void surefire355AndLaterCountEachCaseOnceAndAddFlakesWhateverTheProvider() {
        for (ProviderChoice.Kind provider : ProviderChoice.Kind.values()) {
            assertTrue(ReportNaming.of("3.5.5", provider).perMethodCounts(), provider.name());
            assertTrue(ReportNaming.of("3.6.1", provider).perMethodCounts(), provider.name());
        }
        assertEquals(List.of(Rule.PER_METHOD_COUNTS, Rule.SKIPPED_SUMMARY_AS_INFO),
                ReportNaming.of("3.5.6", JUNIT_PLATFORM).rules());
        assertEquals(List.of(Rule.PER_CASE_COUNTS, Rule.SKIPPED_SUMMARY_AS_INFO, Rule.CLASS_ERROR_NAMES),
                ReportNaming.of("3.6.1", JUNIT_PLATFORM).rules());
        assertTrue(ReportNaming.of("3.5.5", TESTNG).skippedSummaryAsInfo());
        assertFalse(ReportNaming.of("3.5.4", TESTNG).skippedSummaryAsInfo());
        assertFalse(ReportNaming.of("3.5.4", JUNIT_PLATFORM).perMethodCounts());
        TestId test = jupiter(OUTER + "$Inner", "factory()[1]", "named inner");
        assertSame(test, ReportNaming.of("3.6.1", JUNIT_PLATFORM).name(test), "3.6 keeps 3.5.4's case names");
    }

    @Test
    void surefire36NamesAClassLevelFailureByWhetherATestOfTheClassHadPassed() {
        ReportNaming surefire36 = ReportNaming.of("3.6.1", JUNIT_PLATFORM);
        TestId classFailure = new TestId("[engine:junit-jupiter]/[class:" + OUTER + "]", OUTER, null, "NamedTest", null);

        assertEquals("initializationError", surefire36.classErrorName(classFailure, false));
        assertEquals("executionError", surefire36.classErrorName(classFailure, true));
        assertEquals("own", surefire36.classErrorName(jupiter(OUTER, "own", null), true), "a test keeps its name");
        assertNull(ReportNaming.of("3.5.6", JUNIT_PLATFORM).classErrorName(classFailure, false), "3.5.x: the empty name");
        assertNull(ReportNaming.of("3.6.1", TESTNG).classErrorName(classFailure, false), "Surefire's own providers");
    }

    @Test
    void beforeSurefire354NestedClassesGetTheirOwnReportUnderTheirBinaryName() {
        ReportNaming naming = ReportNaming.of("3.5.3", JUNIT_PLATFORM);
        assertEquals(List.of(Rule.NESTED_CLASS_REPORTS), naming.rules());
        TestId nested = jupiter(OUTER + "$NamedInner", "innerTest", "named inner");
        assertEquals(OUTER + "$NamedInner", naming.testSet(nested, OUTER));
        assertEquals(OUTER + "$NamedInner", naming.name(nested).reportClass());
        assertEquals("innerTest", naming.name(nested).methodName());
        assertEquals(nested.uniqueId(), naming.name(nested).uniqueId());
    }

    @Test
    void beforeSurefire354ATopLevelTestShowsItsClassNameNotItsDisplayName() {
        ReportNaming naming = ReportNaming.of("3.2.5", JUNIT_PLATFORM);
        TestId test = jupiter(OUTER, "named", "A named class");
        assertNull(naming.testSet(test, OUTER), "the unit's own report");
        assertEquals(OUTER, naming.name(test).reportClass());
    }

    @Test
    void beforeSurefire354EveryClassEnclosingANestedOneHasAReportEvenWithoutTestsOfItsOwn() {
        ReportNaming naming = ReportNaming.of("3.5.3", JUNIT_PLATFORM);
        assertEquals(List.of(OUTER, OUTER + "$A", OUTER + "$A$B", OUTER + "$A$B$C", OUTER + "$D"),
                naming.testSets(OUTER, List.of(OUTER + "$A$B$C", OUTER + "$D")));
        assertEquals(List.of(OUTER + "$A$B$C"), ReportNaming.LATEST.testSets(OUTER, List.of(OUTER + "$A$B$C")));
    }

    @Test
    void aClassThatIsNotNestedInTheUnitStaysInTheUnitsReport() {
        ReportNaming naming = ReportNaming.of("3.5.3", JUNIT_PLATFORM);
        assertNull(naming.testSet(jupiter("it.other.Base", "inherited", null), OUTER));
        assertNull(naming.testSet(jupiter(OUTER + "Extra", "m", null), OUTER), "a prefix is not nesting");
    }

    @Test
    void beforeSurefire352ParameterlessInvocationsAreNamedByTheMethod() {
        ReportNaming naming = ReportNaming.of("3.4.0", JUNIT_PLATFORM);
        assertEquals(List.of(Rule.NESTED_CLASS_REPORTS, Rule.BARE_TEMPLATE_NAMES), naming.rules());
        assertEquals("factory", naming.name(jupiter(OUTER, "factory()[2]", OUTER)).methodName());
        assertEquals("param(int)[1]", naming.name(jupiter(OUTER, "param(int)[1]", OUTER)).methodName());
        assertEquals("plain", naming.name(jupiter(OUTER, "plain", OUTER)).methodName());
        assertEquals("factory()[2]",
                ReportNaming.of("3.5.2", JUNIT_PLATFORM).name(jupiter(OUTER, "factory()[2]", OUTER)).methodName());
    }

    @Test
    void beforeSurefire300M5TestNgDataProviderCasesAreNamedByTheMethod() {
        ReportNaming m4 = ReportNaming.of("3.0.0-M4", TESTNG);
        assertEquals(List.of(Rule.BARE_TESTNG_NAMES), m4.rules());
        assertEquals("notThree", m4.name(testNg("it.tng6.ParametersTest", "notThree[3](3)")).methodName());
        assertEquals("withText", m4.name(testNg("it.T", "withText[a [b], c](12)")).methodName());
        assertEquals("", m4.name(testNg("it.tng6.GroupsTest", "")).methodName());
        assertSame(ReportNaming.LATEST, ReportNaming.of("3.0.0-M5", TESTNG));
    }

    @Test
    void beforeSurefire300M4AnEmptyTestNgNameBecomesTheClassInParentheses() {
        ReportNaming naming = ReportNaming.of("2.10", TESTNG);
        assertEquals(List.of(Rule.BARE_TESTNG_NAMES, Rule.TESTNG_EMPTY_NAME_AS_CLASS), naming.rules());
        assertEquals("(it.tng6.GroupsTest)", naming.name(testNg("it.tng6.GroupsTest", "")).methodName());
        assertEquals("notThree", naming.name(testNg("it.tng6.ParametersTest", "notThree[1](1)")).methodName());
        assertEquals("plain", naming.name(testNg("it.T", "plain")).methodName());
        assertFalse(naming.nestedClassReports());
    }

    @Test
    void aSurefireWithoutJUnitPlatformProviderLeavesJUnit5NamesAsTheyAre() {
        assertSame(ReportNaming.LATEST, ReportNaming.of("2.12.4", JUNIT_PLATFORM));
        assertSame(ReportNaming.LATEST, ReportNaming.of("2.21.0", JUNIT_PLATFORM));
    }

    @Test
    void rulesOnlyTouchTheProviderTheyWereSeenOn() {
        assertSame(ReportNaming.LATEST, ReportNaming.of("2.12.4", JUNIT4));
        assertTrue(ReportNaming.of("2.22.2", JUNIT_PLATFORM).nestedClassReports());
        assertFalse(ReportNaming.of("2.22.2", TESTNG).nestedClassReports());
    }
}
