package it.sel;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Runs only because the configured includes name *Check classes. */
class ZedCheck {
    @Test
    @Tag("fast")
    void zed() {
    }
}
