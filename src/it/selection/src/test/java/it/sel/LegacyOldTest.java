package it.sel;

import org.junit.jupiter.api.Test;

/** Excluded by the configured excludes (but a -Dtest= pattern overrides them, as in Surefire). */
class LegacyOldTest {
    @Test
    void legacy() {
    }
}
