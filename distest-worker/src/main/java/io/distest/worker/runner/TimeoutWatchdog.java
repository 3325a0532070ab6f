package io.distest.worker.runner;

import io.distest.protocol.MessageChannel;
import io.distest.protocol.TestId;
import io.distest.protocol.TestTimedOut;
import io.distest.shared.Threads;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.concurrent.TimeUnit;

/**
 * Ends the worker when a test runs past the timeout, after telling the plugin which test it was and what every
 * thread was doing: a hung test cannot be interrupted reliably, but its JVM can be ended.
 */
final class TimeoutWatchdog {
    static final int EXIT_TIMEOUT = 70;

    private final MessageChannel channel;
    private volatile long timeoutMillis;
    private volatile Running running;

    private record Running(int unitId, TestId test, long startNanos) {}

    TimeoutWatchdog(MessageChannel channel) {
        this.channel = channel;
        Threads.start(this::watch, "distest-timeout-watchdog");
    }

    void setTimeoutMillis(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    void testStarted(int unitId, TestId test) {
        running = new Running(unitId, test, System.nanoTime());
    }

    void testFinished() {
        running = null;
    }

    private void watch() {
        while (true) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
            Running current = running;
            long limit = timeoutMillis;
            if (current != null && limit > 0
                    && System.nanoTime() - current.startNanos() > TimeUnit.MILLISECONDS.toNanos(limit)) {
                try {
                    channel.send(new TestTimedOut(current.unitId(), current.test(), limit, threadDump()));
                } catch (IOException ignored) {
                    // the plugin learns of the timeout from the worker's end either way
                }
                Runtime.getRuntime().halt(EXIT_TIMEOUT);
            }
        }
    }

    static String threadDump() {
        StringBuilder dump = new StringBuilder();
        for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
            dump.append('"').append(info.getThreadName()).append("\" ").append(info.getThreadState()).append('\n');
            for (StackTraceElement frame : info.getStackTrace()) {
                dump.append("\tat ").append(frame).append('\n');
            }
            dump.append('\n');
        }
        return dump.toString();
    }
}
