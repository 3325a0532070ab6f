package io.distest.protocol;

/** How a test ended. */
public enum Outcome {
    SUCCESSFUL,
    /** An assertion failed. */
    FAILED,
    /** Anything else was thrown. */
    ERROR,
    /** An assumption did not hold. */
    ABORTED,
    /** Disabled; never started. */
    SKIPPED
}
