package io.distest.maven.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;

class PrefixedConsoleLoggerTest {
    /** Each line with its level. */
    private static final class LevelLog extends SystemStreamLog {
        final List<String> lines = new ArrayList<>();

        @Override
        public void info(CharSequence content) {
            lines.add("INFO " + content);
        }

        @Override
        public void warn(CharSequence content) {
            lines.add("WARNING " + content);
        }
    }

    private static List<String> logged(boolean skippedSummaryAsInfo, String... warnings) {
        LevelLog log = new LevelLog();
        PrefixedConsoleLogger logger = new PrefixedConsoleLogger(log, () -> "", skippedSummaryAsInfo);
        for (String warning : warnings) {
            logger.warning(warning);
        }
        return log.lines;
    }

    @Test
    void surefire355LogsASkippedOnlySummaryAtInfoButKeepsClassLinesAndFlakesAsWarnings() {
        String summary = "Tests run: 18042, Failures: 0, Errors: 0, Skipped: 75";
        String classLine = "Tests run: 4, Failures: 0, Errors: 0, Skipped: 1, Time elapsed: 0.1 s -- in a.BTest";
        String flaky = "Tests run: 2, Failures: 0, Errors: 0, Skipped: 1, Flakes: 1";

        assertEquals(List.of("INFO " + summary, "WARNING " + classLine, "WARNING " + flaky),
                logged(true, "\u001B[1;33m" + summary + "\u001B[m", classLine, flaky));
    }

    @Test
    void surefire354LogsItAsAWarning() {
        String summary = "Tests run: 3, Failures: 0, Errors: 0, Skipped: 1";

        assertEquals(List.of("WARNING " + summary), logged(false, summary));
    }
}
