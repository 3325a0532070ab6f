package io.distest.maven.failsafe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distest.maven.run.RunSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FailsafeSummaryTest {

    @Test
    void writesFailsafesElementsAndResultCodeForFailures(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("failsafe-reports/failsafe-summary.xml");
        FailsafeSummary.of(new RunSummary(6, 1, 0, 0, 0, null)).write(file, false);
        String xml = Files.readString(file);
        assertTrue(xml.contains("<failsafe-summary xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                + " xsi:noNamespaceSchemaLocation=\"https://maven.apache.org/surefire/maven-surefire-plugin/xsd/"
                + "failsafe-summary.xsd\" result=\"255\" timeout=\"false\">"), xml);
        for (String element : new String[] {"<completed>6</completed>", "<errors>0</errors>", "<failures>1</failures>",
                "<skipped>0</skipped>", "<flakes>0</flakes>", "<failureMessage xsi:nil=\"true\""}) {
            assertTrue(xml.contains(element), element + " in " + xml);
        }
        assertEquals(new FailsafeSummary(6, 0, 1, 0, 0, null, false), FailsafeSummary.read(file));
    }

    @Test
    void aPassingRunHasFailsafesNullResult(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("s.xml");
        FailsafeSummary.of(new RunSummary(3, 0, 0, 1, 0, null)).write(file, false);
        assertTrue(Files.readString(file).contains("result=\"null\""));
    }

    @Test
    void testsThatCouldNotRunBecomeTheFailureMessageVerifyReports(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("s.xml");
        FailsafeSummary.of(new RunSummary(2, 0, 0, 0, 0, "no worker left <gw0 & gw1 died>")).write(file, false);
        String xml = Files.readString(file);
        assertTrue(xml.contains("<failureMessage>no worker left &lt;gw0 &amp; gw1 died&gt;</failureMessage>"), xml);
        assertTrue(xml.contains("result=\"255\""), xml);
        assertEquals("no worker left <gw0 & gw1 died>", FailsafeSummary.read(file).failureMessage());
    }

    @Test
    void laterExecutionsOfOneBuildAddUpWhileANewBuildReplacesTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("s.xml");
        FailsafeSummary.of(new RunSummary(4, 1, 0, 0, 0, null)).write(file, false);
        FailsafeSummary.of(new RunSummary(2, 0, 1, 1, 1, null)).write(file, true);
        assertEquals(new FailsafeSummary(6, 1, 1, 1, 1, null, false), FailsafeSummary.read(file));
        FailsafeSummary.of(new RunSummary(1, 0, 0, 0, 0, null)).write(file, false);
        assertEquals(new FailsafeSummary(1, 0, 0, 0, 0, null, false), FailsafeSummary.read(file));
    }

    @Test
    void anUnreadableSummaryIsANamedErrorWithTheFix(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("s.xml");
        Files.writeString(file, "<failsafe-summary/>");
        IOException e = assertThrows(IOException.class, () -> FailsafeSummary.of(new RunSummary(1, 0, 0, 0, 0, null))
                .write(file, true));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("mvn clean"), e.getMessage());
    }
}
