package io.distest.maven.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distest.maven.run.RunHarness;
import io.distest.maven.schedule.TestUnit;
import io.distest.maven.settings.ReportOptions;
import io.distest.maven.surefire.ProviderChoice;
import io.distest.maven.surefire.ReportNaming;
import io.distest.protocol.Outcome;
import io.distest.protocol.TestFinished;
import io.distest.protocol.TestId;
import io.distest.protocol.UnitFinished;
import io.distest.protocol.WorkerFacts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Report files and case names written through Surefire's reporters, by the project's Surefire version. */
class SurefireReportingNamingTest {
    private static final String OUTER = "it.names.OuterTest";

    @TempDir
    Path reports;

    /**
     * Runs one unit of OUTER (a test of its own, a dynamic test, one in a @Nested class, one in a class nested in a
     * @Nested class without tests of its own) and lists the report files.
     */
    private TreeSet<String> reportFiles(ReportNaming naming) throws IOException {
        TestUnit unit = TestUnit.wholeClass(1, OUTER);
        SurefireReporting reporting = new SurefireReporting(new ReportOptions(reports, true, false, "", null, naming),
                new RunHarness.RecordingLog(), List.of(unit), null, false, number -> Map.of(), 0);
        reporting.runStarted();
        reporting.workerConnected("gw0", "", 0, "popen", WorkerFacts.ofThisJvm());
        reporting.unitStarted("gw0", unit);
        List<TestId> tests = List.of(
                new TestId("[class:Outer]/[method:own()]", OUTER, "own", "own", "Outer shown"),
                new TestId("[class:Outer]/[method:factory()]/[dynamic-test:#1]", OUTER, "factory()[1]", "one", "Outer shown"),
                new TestId("[class:Outer]/[nested-class:Inner]/[method:inner()]", OUTER + "$Inner", "inner", "inner",
                        "Inner shown"),
                new TestId("[class:Outer]/[nested-class:Middle]/[nested-class:Deep]/[method:deep()]", OUTER + "$Middle$Deep",
                        "deep", "deep", OUTER + "$Middle$Deep"));
        for (TestId test : tests) {
            reporting.testStarted("gw0", test);
            reporting.testFinished("gw0", unit, new TestFinished(1, test, Outcome.SUCCESSFUL, 1, null, null));
        }
        reporting.unitFinished("gw0", unit, new UnitFinished(1, 5, null));
        reporting.finish();
        try (Stream<Path> files = Files.list(reports)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.startsWith("TEST-"))
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }

    private String report(String className) throws IOException {
        return Files.readString(reports.resolve("TEST-" + className + ".xml"));
    }

    @Test
    void surefire354WritesNestedCasesIntoTheOuterReportUnderTheirDisplayNames() throws IOException {
        assertEquals(new TreeSet<>(List.of("TEST-" + OUTER + ".xml")), reportFiles(ReportNaming.LATEST));
        String outer = report(OUTER);
        assertTrue(outer.contains("name=\"inner\" classname=\"Inner shown\""), outer);
        assertTrue(outer.contains("name=\"factory()[1]\" classname=\"Outer shown\""), outer);
    }

    @Test
    void surefire361WritesAFlakesCountAfterTheFailuresOfEverySuite() throws IOException {
        assertEquals(new TreeSet<>(List.of("TEST-" + OUTER + ".xml")),
                reportFiles(ReportNaming.of("3.6.1", ProviderChoice.Kind.JUNIT_PLATFORM)));
        assertTrue(report(OUTER).matches("(?s).*<testsuite [^>]* failures=\"0\" flakes=\"0\">.*"), report(OUTER));
    }

    @Test
    void surefire354WritesNoFlakesAttribute() throws IOException {
        reportFiles(ReportNaming.LATEST);
        assertFalse(report(OUTER).contains("flakes="), report(OUTER));
    }

    @Test
    void surefire340WritesANestedClassIntoItsOwnReportUnderBinaryNames() throws IOException {
        assertEquals(new TreeSet<>(List.of("TEST-" + OUTER + ".xml", "TEST-" + OUTER + "$Inner.xml",
                        "TEST-" + OUTER + "$Middle.xml", "TEST-" + OUTER + "$Middle$Deep.xml")),
                reportFiles(ReportNaming.of("3.4.0", ProviderChoice.Kind.JUNIT_PLATFORM)));
        String outer = report(OUTER);
        assertTrue(outer.contains("name=\"own\" classname=\"" + OUTER + "\""), outer);
        assertTrue(outer.contains("name=\"factory\" classname=\"" + OUTER + "\""), outer);
        String inner = report(OUTER + "$Inner");
        assertTrue(inner.contains("testsuite") && inner.contains("name=\"" + OUTER + "$Inner\""), inner);
        assertTrue(inner.contains("name=\"inner\" classname=\"" + OUTER + "$Inner\""), inner);
        assertFalse(outer.contains("name=\"inner\""), "the nested case is in its own report only");
        String middle = report(OUTER + "$Middle");
        assertTrue(middle.contains("tests=\"0\""), "a class with only nested classes has an empty report: " + middle);
    }
}
