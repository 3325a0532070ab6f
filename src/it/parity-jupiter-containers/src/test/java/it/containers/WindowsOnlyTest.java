package it.containers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

@EnabledOnOs(OS.WINDOWS)
class WindowsOnlyTest {
    @Test
    void onlyOnWindows() {
    }

    @Test
    void alsoOnlyOnWindows() {
    }
}
