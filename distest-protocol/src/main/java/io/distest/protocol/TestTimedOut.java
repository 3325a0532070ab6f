package io.distest.protocol;

/**
 * A test ran past the configured timeout; the worker ends itself right after sending this.
 *
 * @param threadDump every thread's stack, taken before the worker ends
 */
public record TestTimedOut(int unitId, TestId test, long timeoutMillis, String threadDump) implements Message {}
