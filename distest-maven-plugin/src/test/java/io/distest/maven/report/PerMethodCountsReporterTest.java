package io.distest.maven.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PerMethodCountsReporterTest {
    private static String suite(String counts) {
        return "<testsuite xmlns:xsi=\"x\" version=\"3.0.2\" name=\"T\" time=\"0.1\" " + counts + ">";
    }

    @Test
    void countsEveryCaseOnceByItsOutcomeOverAllRunsAndAddsTheFlakes() {
        String cases = "\n  <testcase name=\"steady\" classname=\"T\" time=\"0\"/>\n"
                + "  <testcase name=\"flaky\" classname=\"T\" time=\"0\">\n    <flakyFailure message=\"m\" type=\"A\">x</flakyFailure>\n  </testcase>\n"
                + "  <testcase name=\"flakyError\" classname=\"T\" time=\"0\">\n    <flakyError type=\"E\"/>\n  </testcase>\n"
                + "  <testcase name=\"broken\" classname=\"T\" time=\"0\">\n    <failure type=\"A\"/>\n    <rerunFailure type=\"A\"/>\n  </testcase>\n"
                + "  <testcase name=\"crashed\" classname=\"T\" time=\"0\">\n    <error type=\"E\"><![CDATA[<failure in the text>]]></error>\n  </testcase>\n"
                + "  <testcase name=\"off\" classname=\"T\" time=\"0\">\n    <skipped message=\"not now\"/>\n  </testcase>\n"
                + "</testsuite>\n";
        // Surefire 3.5.4 counts the last re-run only: here it said 1 test
        String written = "<?xml version=\"1.0\"?>\n" + suite("tests=\"1\" errors=\"0\" skipped=\"0\" failures=\"1\"") + cases;

        assertEquals("<?xml version=\"1.0\"?>\n"
                        + suite("tests=\"6\" errors=\"1\" skipped=\"1\" failures=\"1\" flakes=\"2\"") + cases,
                PerMethodCountsReporter.recounted(written));
    }

    @Test
    void writesZeroFlakesAndIsStableWhenReadAgain() {
        String xml = suite("tests=\"1\" errors=\"0\" skipped=\"0\" failures=\"0\"")
                + "<testcase name=\"a\" classname=\"T\"/></testsuite>";
        String once = PerMethodCountsReporter.recounted(xml);

        assertEquals(xml.replace("failures=\"0\">", "failures=\"0\" flakes=\"0\">"), once);
        assertEquals(once, PerMethodCountsReporter.recounted(once));
    }

    @Test
    void anEmptySuiteCountsNothing() {
        String xml = suite("tests=\"0\" errors=\"0\" skipped=\"0\" failures=\"0\"") + "\n</testsuite>";

        assertEquals(xml.replace("failures=\"0\">", "failures=\"0\" flakes=\"0\">"), PerMethodCountsReporter.recounted(xml));
    }
}
