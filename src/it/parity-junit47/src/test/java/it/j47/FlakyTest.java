package it.j47;

import static org.junit.Assert.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.Test;
import org.junit.experimental.categories.Category;

/** Fails on its first run in a JVM and passes on its re-run: a flake when rerunFailingTestsCount is set. */
@Category(Fast.class)
public class FlakyTest {
    private static final AtomicInteger RUNS = new AtomicInteger();

    @Test
    public void passesTheSecondTime() {
        assertTrue("first run fails", RUNS.incrementAndGet() > 1);
    }
}
