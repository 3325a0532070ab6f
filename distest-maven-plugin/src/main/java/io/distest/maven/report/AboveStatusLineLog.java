package io.distest.maven.report;

import org.apache.maven.plugin.logging.Log;

/** Maven's log with every line printed above the {@link StatusLine}, so that the line stays at the bottom. */
public final class AboveStatusLineLog implements Log {
    private final Log log;
    private final StatusLine line;

    /** {@code log} itself when the line is off: the log is then exactly Maven's. */
    public static Log of(Log log, StatusLine line) {
        return line.isOn() ? new AboveStatusLineLog(log, line) : log;
    }

    private AboveStatusLineLog(Log log, StatusLine line) {
        this.log = log;
        this.line = line;
    }

    @Override public boolean isDebugEnabled() { return log.isDebugEnabled(); }
    @Override public void debug(CharSequence content) { line.printAbove(() -> log.debug(content)); }
    @Override public void debug(CharSequence content, Throwable error) { line.printAbove(() -> log.debug(content, error)); }
    @Override public void debug(Throwable error) { line.printAbove(() -> log.debug(error)); }
    @Override public boolean isInfoEnabled() { return log.isInfoEnabled(); }
    @Override public void info(CharSequence content) { line.printAbove(() -> log.info(content)); }
    @Override public void info(CharSequence content, Throwable error) { line.printAbove(() -> log.info(content, error)); }
    @Override public void info(Throwable error) { line.printAbove(() -> log.info(error)); }
    @Override public boolean isWarnEnabled() { return log.isWarnEnabled(); }
    @Override public void warn(CharSequence content) { line.printAbove(() -> log.warn(content)); }
    @Override public void warn(CharSequence content, Throwable error) { line.printAbove(() -> log.warn(content, error)); }
    @Override public void warn(Throwable error) { line.printAbove(() -> log.warn(error)); }
    @Override public boolean isErrorEnabled() { return log.isErrorEnabled(); }
    @Override public void error(CharSequence content) { line.printAbove(() -> log.error(content)); }
    @Override public void error(CharSequence content, Throwable error) { line.printAbove(() -> log.error(content, error)); }
    @Override public void error(Throwable error) { line.printAbove(() -> log.error(error)); }
}
