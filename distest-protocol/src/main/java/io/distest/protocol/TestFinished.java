package io.distest.protocol;

/**
 * A test ended.
 *
 * @param reason why it was skipped or aborted, or {@code null}
 * @param throwable what it threw, or {@code null}
 */
public record TestFinished(
        int unitId, TestId test, Outcome outcome, long elapsedMillis, String reason, ThrowableInfo throwable)
        implements Message {}
