package io.distest.maven.run;

import java.nio.file.Path;

/**
 * How results are written, with Surefire's meanings.
 *
 * @param reportsDirectory where {@code TEST-*.xml} go
 * @param trimStackTrace trim stack traces in reports to the test's frames
 * @param redirectTestOutputToFile test output to {@code *-output.txt} files instead of the console
 */
public record ReportOptions(Path reportsDirectory, boolean trimStackTrace, boolean redirectTestOutputToFile) {}
