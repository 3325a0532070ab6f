package it.suite;

import org.junit.Test;

/** A *Tests class: selected by Surefire 2.20 and later, not by 2.19.1. */
public class HelperTests {
    @Test
    public void wouldRunOnNewerSurefire() {}
}
