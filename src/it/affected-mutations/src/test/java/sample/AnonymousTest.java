package sample;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AnonymousTest {
    @Test
    void longerSortsLater() {
        assertTrue(Sorting.byLength().compare("aa", "b") > 0);
    }
}
