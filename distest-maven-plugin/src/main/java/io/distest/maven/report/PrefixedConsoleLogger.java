package io.distest.maven.report;

import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugin.surefire.log.api.ConsoleLogger;

/**
 * Surefire's console lines through Maven's log, each prefixed (e.g. with the gateway id and progress). Surefire 3.5.4
 * writes them; where the project's version logs the run's summary at another level, this logger moves it there.
 */
final class PrefixedConsoleLogger implements ConsoleLogger {
    /** The run's summary when tests were skipped but none failed, erred or flaked (no class, no time). */
    private static final Pattern SKIPPED_ONLY_SUMMARY = Pattern.compile(
            "Tests run: \\d+, Failures: 0, Errors: 0, Skipped: \\d+");
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[;\\d]*m");

    private final Log log;
    private final Supplier<String> prefix;
    private final boolean skippedSummaryAsInfo;

    /**
     * @param skippedSummaryAsInfo log that summary at info, as Surefire 3.5.5 and later do (3.5.4: warning)
     */
    PrefixedConsoleLogger(Log log, Supplier<String> prefix, boolean skippedSummaryAsInfo) {
        this.log = log;
        this.prefix = prefix;
        this.skippedSummaryAsInfo = skippedSummaryAsInfo;
    }

    private String line(CharSequence message) {
        String p = prefix.get();
        return p.isEmpty() || message.length() == 0 ? message.toString() : p + message;
    }

    @Override public boolean isDebugEnabled() { return log.isDebugEnabled(); }
    @Override public void debug(String message) { log.debug(line(message)); }
    @Override public boolean isInfoEnabled() { return log.isInfoEnabled(); }
    @Override public void info(String message) { log.info(line(message)); }
    @Override public boolean isWarnEnabled() { return log.isWarnEnabled(); }
    @Override public void warning(String message) {
        String plain = ANSI.matcher(message).replaceAll("");
        if (skippedSummaryAsInfo && SKIPPED_ONLY_SUMMARY.matcher(plain).matches()) {
            log.info(line(plain));
        } else {
            log.warn(line(message));
        }
    }
    @Override public boolean isErrorEnabled() { return log.isErrorEnabled(); }
    @Override public void error(String message) { log.error(line(message)); }
    @Override public void error(String message, Throwable error) { log.error(line(message), error); }
    @Override public void error(Throwable error) { log.error(error); }
}
