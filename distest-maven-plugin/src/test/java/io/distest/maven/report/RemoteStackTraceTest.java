package io.distest.maven.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.distest.protocol.ThrowableInfo;
import org.junit.jupiter.api.Test;

class RemoteStackTraceTest {
    private static final String TRACE = """
            org.opentest4j.AssertionFailedError: expected: <5> but was: <4>
            \tat org.junit.jupiter.api.AssertionUtils.fail(AssertionUtils.java:151)
            \tat com.acme.FooTest.addsUp(FooTest.java:42)
            \tat java.base/jdk.internal.reflect.NativeMethodAccessorImpl.invoke0(Native Method)
            """;

    private final RemoteStackTrace trace = new RemoteStackTrace(
            new ThrowableInfo("org.opentest4j.AssertionFailedError", "expected: <5> but was: <4>", TRACE), "com.acme.FooTest");

    @Test
    void summarisesAsSurefireDoes() {
        assertEquals("FooTest.addsUp:42 expected: <5> but was: <4>", trace.smartTrimmedStackTrace());
    }

    @Test
    void trimsTheTraceAfterTheLastTestFrame() {
        assertEquals(3, trace.writeTrimmedTraceToString().split("\n").length);
    }

    @Test
    void namesTheTypeOfOtherExceptions() {
        RemoteStackTrace error = new RemoteStackTrace(new ThrowableInfo("java.lang.IllegalStateException", "boom",
                "java.lang.IllegalStateException: boom\n\tat com.acme.FooTest.go(FooTest.java:7)\n"), "com.acme.FooTest");
        assertEquals("FooTest.go:7 IllegalState boom", error.smartTrimmedStackTrace());
        assertEquals("boom", error.getThrowable().getMessage());
    }
}
