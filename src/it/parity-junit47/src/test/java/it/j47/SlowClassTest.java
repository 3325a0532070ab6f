package it.j47;

import static org.junit.Assert.fail;

import org.junit.Test;
import org.junit.experimental.categories.Category;

/** Never selected with groups=it.j47.Fast: if it ran, its failure would show. */
@Category(Slow.class)
public class SlowClassTest {
    @Test
    public void mustNotRunWithTheFastGroup() {
        fail("ran although only it.j47.Fast was selected");
    }
}
