package io.distest.shared;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class QuietlyTest {
    @Test
    void closesAndDropsWhatClosingThrows() {
        AtomicBoolean closed = new AtomicBoolean();
        Quietly.close(() -> {
            closed.set(true);
            throw new IOException("already broken");
        });
        assertTrue(closed.get());
    }

    @Test
    void nothingToCloseIsNoError() {
        assertDoesNotThrow(() -> Quietly.close(null));
    }
}
