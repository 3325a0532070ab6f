package io.distest.maven.report;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.plugin.surefire.extensions.DefaultStatelessReportMojoConfiguration;
import org.apache.maven.plugin.surefire.extensions.SurefireStatelessReporter;
import org.apache.maven.plugin.surefire.report.FileReporterUtils;
import org.apache.maven.plugin.surefire.report.TestSetStats;
import org.apache.maven.plugin.surefire.report.WrappedReportEntry;
import org.apache.maven.surefire.extensions.StatelessReportEventListener;

/**
 * Surefire 3.5.4's XML report with the {@code <testsuite>} counts Surefire 3.5.5 and later write ({@link SuiteCounts}):
 * every test counted once by its outcome over all its runs (3.5.4 counts the last re-run only), and a {@code flakes}
 * attribute after {@code failures} ({@code flakes="0"} included).
 */
final class PerMethodCountsReporter extends SurefireStatelessReporter {
    private static final Pattern SUITE = Pattern.compile("<testsuite\\b[^>]*>");

    private final SuiteCounts.Grouping grouping;

    PerMethodCountsReporter(SuiteCounts.Grouping grouping) {
        this.grouping = grouping;
    }

    @Override
    public StatelessReportEventListener<WrappedReportEntry, TestSetStats> createListener(
            DefaultStatelessReportMojoConfiguration configuration) {
        StatelessReportEventListener<WrappedReportEntry, TestSetStats> xml = super.createListener(configuration);
        return (report, stats) -> {
            xml.testSetCompleted(report, stats);
            // the XML reporter has just added this run's entries to the class's history: every run of every test
            Collection<WrappedReportEntry> runs = configuration.getTestClassMethodRunHistory()
                    .getOrDefault(report.getSourceName(), new java.util.ArrayDeque<>(stats.getReportEntries()));
            SuiteCounts counts = SuiteCounts.of(runs, grouping, configuration.getRerunFailingTestsCount());
            rewrite(reportFile(configuration.getReportsDirectory(), configuration.getReportNameSuffix(), report), counts);
        };
    }

    /** The file Surefire's XML reporter wrote for a test set, named as it names it. */
    private static Path reportFile(File directory, String suffix, WrappedReportEntry report) {
        String name = "TEST-" + report.getSourceName() + (suffix == null || suffix.isBlank() ? "" : "-" + suffix);
        return new File(directory, FileReporterUtils.stripIllegalFilenameChars(name + ".xml")).toPath();
    }

    private static void rewrite(Path file, SuiteCounts counts) {
        try {
            if (Files.isRegularFile(file)) {
                Files.writeString(file, withCounts(Files.readString(file, StandardCharsets.UTF_8), counts),
                        StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the suite counts of " + file + ": " + e.getMessage(), e);
        }
    }

    /** The report with {@code counts} on its {@code <testsuite>}. */
    static String withCounts(String xml, SuiteCounts counts) {
        Matcher suite = SUITE.matcher(xml);
        return suite.find() ? xml.substring(0, suite.start()) + counts.appliedTo(suite.group()) + xml.substring(suite.end())
                : xml;
    }
}
