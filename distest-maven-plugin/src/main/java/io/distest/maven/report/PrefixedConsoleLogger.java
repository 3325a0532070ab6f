package io.distest.maven.report;

import java.util.function.Supplier;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugin.surefire.log.api.ConsoleLogger;

/** Surefire's console lines through Maven's log, each prefixed (e.g. with the gateway id and progress). */
final class PrefixedConsoleLogger implements ConsoleLogger {
    private final Log log;
    private final Supplier<String> prefix;

    PrefixedConsoleLogger(Log log, Supplier<String> prefix) {
        this.log = log;
        this.prefix = prefix;
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
    @Override public void warning(String message) { log.warn(line(message)); }
    @Override public boolean isErrorEnabled() { return log.isErrorEnabled(); }
    @Override public void error(String message) { log.error(line(message)); }
    @Override public void error(String message, Throwable error) { log.error(line(message), error); }
    @Override public void error(Throwable error) { log.error(error); }
}
