package io.distest.maven.report;

import io.distest.protocol.ThrowableInfo;
import org.apache.maven.surefire.api.report.SafeThrowable;
import org.apache.maven.surefire.api.report.StackTraceWriter;

/** A throwable that happened in a worker, as Surefire's reporters want to see it. */
final class RemoteStackTrace implements StackTraceWriter {
    private final ThrowableInfo info;
    private final String testClass;

    RemoteStackTrace(ThrowableInfo info, String testClass) {
        this.info = info;
        this.testClass = testClass;
    }

    @Override
    public String writeTraceToString() {
        return info.stackTrace();
    }

    /** The trace down to the last frame of the test class: what a reader of a failure needs. */
    @Override
    public String writeTrimmedTraceToString() {
        String[] lines = info.stackTrace().split("\n");
        int last = 0;
        for (int i = 0; i < lines.length; i++) {
            if (testClass != null && lines[i].trim().startsWith("at " + testClass + ".")) {
                last = i;
            }
        }
        if (last == 0) {
            return info.stackTrace();
        }
        return String.join("\n", java.util.Arrays.copyOf(lines, last + 1)) + "\n";
    }

    /** {@code FooTest.testBar:42 message}, as Surefire's summary lists failures. */
    @Override
    public String smartTrimmedStackTrace() {
        String where = firstTestFrame();
        String message = info.message() == null ? info.type() : shortType() + " " + info.message();
        if (info.type().equals("java.lang.AssertionError") || info.type().startsWith("org.opentest4j.")) {
            message = info.message() == null ? shortType() : info.message();
        }
        return where == null ? message : where + " " + message;
    }

    @Override
    public SafeThrowable getThrowable() {
        return new SafeThrowable(info.message());
    }

    /** As Surefire shortens it: {@code java.lang.IllegalStateException} becomes {@code IllegalState}. */
    private String shortType() {
        String simple = info.type().substring(info.type().lastIndexOf('.') + 1);
        return simple.endsWith("Exception") && simple.length() > "Exception".length()
                ? simple.substring(0, simple.length() - "Exception".length()) : simple;
    }

    private String firstTestFrame() {
        if (testClass == null) {
            return null;
        }
        String simpleName = testClass.substring(testClass.lastIndexOf('.') + 1);
        for (String line : info.stackTrace().split("\n")) {
            String frame = line.trim();
            if (frame.startsWith("at " + testClass + ".")) {
                String method = frame.substring(("at " + testClass + ".").length(), frame.indexOf('('));
                int colon = frame.lastIndexOf(':');
                String lineNumber = colon > 0 ? frame.substring(colon + 1, frame.length() - 1) : "";
                return simpleName + "." + method + (lineNumber.matches("\\d+") ? ":" + lineNumber : "");
            }
        }
        return null;
    }
}
