package io.distest.maven.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distest.protocol.ReportFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProviderReportsTest {
    private static final String RESULTS = "<testng-results total=\"1\" passed=\"1\" failed=\"0\" skipped=\"0\">"
            + "<suite name=\"s\"><test name=\"t\"><class name=\"%s\"/></test></suite></testng-results>";

    @TempDir
    Path reports;

    private final List<String> infos = new ArrayList<>();
    private final SystemStreamLog log = new SystemStreamLog() {
        @Override
        public void info(CharSequence content) {
            infos.add(content.toString());
        }
    };

    private static ReportFile file(int unit, String path, String content) {
        return new ReportFile(unit, path, content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void oneProviderRunIsWrittenAsItIs() throws Exception {
        ProviderReports providerReports = new ProviderReports(reports);
        providerReports.add(file(1, "emailable-report.html", "<html/>"));
        providerReports.add(file(1, "suite/test.xml", "<x/>"));
        providerReports.write(log);
        assertEquals("<html/>", Files.readString(reports.resolve("emailable-report.html")));
        assertEquals("<x/>", Files.readString(reports.resolve("suite/test.xml")));
        assertTrue(infos.isEmpty(), infos.toString());
    }

    @Test
    void severalRunsAreMergedWhereTheFormatAllowsAndTheRestIsNamedNotWritten() throws Exception {
        ProviderReports providerReports = new ProviderReports(reports);
        for (int unit = 1; unit <= 2; unit++) {
            String className = "c.C" + unit;
            providerReports.add(file(unit, "testng-results.xml", RESULTS.formatted(className)));
            providerReports.add(file(unit, "junitreports/TEST-" + className + ".xml", "<testsuite/>"));
            providerReports.add(file(unit, "emailable-report.html", "<html>" + className + "</html>"));
            providerReports.add(file(unit, "passed.png", "png"));
        }
        providerReports.write(log);
        String merged = Files.readString(reports.resolve("testng-results.xml"));
        assertTrue(merged.contains("total=\"2\"") && merged.contains("c.C1") && merged.contains("c.C2"), merged);
        assertTrue(Files.isRegularFile(reports.resolve("junitreports/TEST-c.C1.xml")));
        assertTrue(Files.isRegularFile(reports.resolve("junitreports/TEST-c.C2.xml")));
        assertTrue(Files.isRegularFile(reports.resolve("passed.png")));
        assertFalse(Files.exists(reports.resolve("emailable-report.html")));
        assertEquals(1, infos.size());
        assertTrue(infos.get(0).endsWith("is not written: emailable-report.html"), infos.get(0));
    }
}
