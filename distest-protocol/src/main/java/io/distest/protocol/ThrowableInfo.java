package io.distest.protocol;

import java.io.PrintWriter;
import java.io.StringWriter;

/** A throwable as text: it travels as type, message and stack trace, never as a serialized exception. */
public record ThrowableInfo(String type, String message, String stackTrace) {

    public static ThrowableInfo of(Throwable t) {
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        return new ThrowableInfo(t.getClass().getName(), t.getMessage(), trace.toString());
    }
}
