package it.j4;

import org.junit.Ignore;
import org.junit.Test;

@Ignore("class off")
public class IgnoredClassTest {
    @Test
    public void one() {
    }

    @Test
    public void two() {
    }
}
