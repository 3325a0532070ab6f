package io.distest.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PollTest {
    @Test
    void returnsOnceTheConditionHolds() throws Exception {
        AtomicInteger checks = new AtomicInteger();
        assertTrue(Poll.within(Duration.ofSeconds(10), () -> checks.incrementAndGet() >= 3));
        assertTrue(checks.get() >= 3);
    }

    @Test
    void aConditionThatNeverHoldsFailsNamingWhatWasAwaited() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> Poll.until(Duration.ofMillis(50), () -> false, () -> "the server to say hello"));
        assertTrue(e.getMessage().contains("the server to say hello"), e.getMessage());
    }

    @Test
    void valueReturnsTheLastValueReadSoAMissShowsWhatWasThere() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        assertEquals(3, Poll.value(Duration.ofSeconds(10), reads::incrementAndGet, n -> n == 3));
        int last = Poll.value(Duration.ofMillis(30), reads::incrementAndGet, n -> n < 0);
        assertEquals(reads.get(), last);
    }

    @Test
    void withinSaysFalseWhenTheDeadlinePasses() throws Exception {
        assertFalse(Poll.within(Duration.ofMillis(30), () -> false));
    }
}
