package it.sel;

import org.junit.jupiter.api.Test;

/** Matches a default include (a *Tests class) but not the configured ones: must not run by default. */
class ToolsTests {
    @Test
    void tools() {
    }
}
