package io.distest.maven.report;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.plugin.surefire.extensions.DefaultStatelessReportMojoConfiguration;
import org.apache.maven.plugin.surefire.extensions.SurefireStatelessReporter;
import org.apache.maven.plugin.surefire.report.FileReporterUtils;
import org.apache.maven.plugin.surefire.report.TestSetStats;
import org.apache.maven.plugin.surefire.report.WrappedReportEntry;
import org.apache.maven.surefire.extensions.StatelessReportEventListener;

/**
 * Surefire 3.5.4's XML report with the suite counts Surefire 3.5.5 and later write on {@code <testsuite>}: every
 * test case counted once by its outcome over all its runs (3.5.4 counts the last re-run only), and a {@code flakes}
 * attribute after {@code failures} for the cases that failed and then passed ({@code flakes="0"} included). The
 * counts are read back from the test cases the reporter wrote, so they always agree with them.
 */
final class PerMethodCountsReporter extends SurefireStatelessReporter {
    private static final Pattern SUITE = Pattern.compile("<testsuite\\b[^>]*>");
    private static final Pattern TEST_CASE = Pattern.compile("<testcase\\b.*?(?:/>|</testcase>)", Pattern.DOTALL);
    private static final Pattern CDATA = Pattern.compile("<!\\[CDATA\\[.*?]]>", Pattern.DOTALL);
    private static final Pattern ERROR = Pattern.compile("<error[\\s/>]");
    private static final Pattern FAILURE = Pattern.compile("<failure[\\s/>]");
    private static final Pattern SKIPPED = Pattern.compile("<skipped[\\s/>]");
    private static final Pattern FLAKY = Pattern.compile("<flaky(?:Failure|Error)[\\s/>]");

    @Override
    public StatelessReportEventListener<WrappedReportEntry, TestSetStats> createListener(
            DefaultStatelessReportMojoConfiguration configuration) {
        StatelessReportEventListener<WrappedReportEntry, TestSetStats> xml = super.createListener(configuration);
        return (report, stats) -> {
            xml.testSetCompleted(report, stats);
            recount(reportFile(configuration.getReportsDirectory(), configuration.getReportNameSuffix(), report));
        };
    }

    /** The file Surefire's XML reporter wrote for a test set, named as it names it. */
    private static Path reportFile(File directory, String suffix, WrappedReportEntry report) {
        String name = "TEST-" + report.getSourceName() + (suffix == null || suffix.isBlank() ? "" : "-" + suffix);
        return new File(directory, FileReporterUtils.stripIllegalFilenameChars(name + ".xml")).toPath();
    }

    private static void recount(Path file) {
        try {
            if (Files.isRegularFile(file)) {
                Files.writeString(file, recounted(Files.readString(file, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the suite counts of " + file + ": " + e.getMessage(), e);
        }
    }

    /** The report with its suite's counts taken from its test cases, as Surefire 3.5.5+ counts them. */
    static String recounted(String xml) {
        Matcher suite = SUITE.matcher(xml);
        if (!suite.find()) {
            return xml;
        }
        int tests = 0;
        int errors = 0;
        int failures = 0;
        int skipped = 0;
        int flakes = 0;
        for (Matcher testCase = TEST_CASE.matcher(xml); testCase.find(); ) {
            String elements = CDATA.matcher(testCase.group()).replaceAll("");
            tests++;
            if (ERROR.matcher(elements).find()) {
                errors++;
            } else if (FAILURE.matcher(elements).find()) {
                failures++;
            } else if (SKIPPED.matcher(elements).find()) {
                skipped++;
            } else if (FLAKY.matcher(elements).find()) {
                flakes++;
            }
        }
        String tag = suite.group().replaceFirst(" flakes=\"\\d+\"", "");
        tag = withCount(tag, "tests", tests);
        tag = withCount(tag, "errors", errors);
        tag = withCount(tag, "skipped", skipped);
        tag = withCount(tag, "failures", failures);
        tag = tag.replaceFirst("( failures=\"\\d+\")", "$1 flakes=\"" + flakes + "\"");
        return xml.substring(0, suite.start()) + tag + xml.substring(suite.end());
    }

    private static String withCount(String tag, String attribute, int count) {
        return tag.replaceFirst(" " + attribute + "=\"\\d+\"", " " + attribute + "=\"" + count + "\"");
    }
}
