package io.distest.maven.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.maven.plugin.logging.Log;

/**
 * A Maven log for work that runs before the mojo that shows its output: it keeps every line until {@link #replayTo}
 * prints them, in order, into the mojo's log, and passes later lines straight on. So a connection opened during
 * the build's earlier phases reports in the test phase, where the reader looks for it, not between compiler lines.
 */
public final class DeferredLog implements Log {
    private final List<Consumer<Log>> kept = new ArrayList<>();
    private Log target;

    /** Prints what was kept into {@code log}; everything after goes there directly. */
    public synchronized void replayTo(Log log) {
        kept.forEach(line -> line.accept(log));
        kept.clear();
        target = log;
    }

    private synchronized void emit(Consumer<Log> line) {
        if (target != null) {
            line.accept(target);
        } else {
            kept.add(line);
        }
    }

    @Override
    public synchronized boolean isDebugEnabled() {
        return target == null || target.isDebugEnabled(); // kept lines are filtered when replayed
    }

    @Override
    public void debug(CharSequence content) {
        emit(log -> log.debug(content));
    }

    @Override
    public void debug(CharSequence content, Throwable error) {
        emit(log -> log.debug(content, error));
    }

    @Override
    public void debug(Throwable error) {
        emit(log -> log.debug(error));
    }

    @Override
    public synchronized boolean isInfoEnabled() {
        return target == null || target.isInfoEnabled();
    }

    @Override
    public void info(CharSequence content) {
        emit(log -> log.info(content));
    }

    @Override
    public void info(CharSequence content, Throwable error) {
        emit(log -> log.info(content, error));
    }

    @Override
    public void info(Throwable error) {
        emit(log -> log.info(error));
    }

    @Override
    public synchronized boolean isWarnEnabled() {
        return target == null || target.isWarnEnabled();
    }

    @Override
    public void warn(CharSequence content) {
        emit(log -> log.warn(content));
    }

    @Override
    public void warn(CharSequence content, Throwable error) {
        emit(log -> log.warn(content, error));
    }

    @Override
    public void warn(Throwable error) {
        emit(log -> log.warn(error));
    }

    @Override
    public synchronized boolean isErrorEnabled() {
        return target == null || target.isErrorEnabled();
    }

    @Override
    public void error(CharSequence content) {
        emit(log -> log.error(content));
    }

    @Override
    public void error(CharSequence content, Throwable error) {
        emit(log -> log.error(content, error));
    }

    @Override
    public void error(Throwable error) {
        emit(log -> log.error(error));
    }
}
