package it.j4;

import static org.junit.Assert.assertEquals;
import static org.junit.Assume.assumeTrue;

import org.junit.Ignore;
import org.junit.Test;

public class MixedJ4Test {
    @Test
    public void passes() {
    }

    @Ignore("later")
    @Test
    public void ignored() {
    }

    @Test
    public void assumptionFails() {
        assumeTrue("not here", false);
    }

    @Test
    public void throwsError() {
        throw new IllegalStateException("boom");
    }
}
