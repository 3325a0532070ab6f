package io.distest.maven.settings;

import io.distest.maven.surefire.ReportNaming;
import java.nio.file.Path;

/**
 * How results are written, with Surefire's meanings.
 *
 * @param reportsDirectory where {@code TEST-*.xml} go
 * @param trimStackTrace trim stack traces in reports to the test's frames
 * @param redirectTestOutputToFile test output to {@code *-output.txt} files instead of the console
 * @param reportNameSuffix Surefire's {@code reportNameSuffix}: {@code TEST-<class>-<suffix>.xml}; empty: none
 * @param timeline where the run's timeline page goes ({@code run.json} beside it); {@code null}: none
 *     ({@code distest.timeline=false})
 * @param naming how the project's Surefire version names cases and lays out report files
 */
public record ReportOptions(Path reportsDirectory, boolean trimStackTrace, boolean redirectTestOutputToFile,
        String reportNameSuffix, Path timeline, ReportNaming naming) {

    public ReportOptions {
        naming = naming == null ? ReportNaming.LATEST : naming;
    }
}
