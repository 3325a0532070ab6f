package it.shared;

import org.junit.jupiter.api.Test;

/** Selected by Surefire 3.5's **&#47;*Tests.java default, from the jar as from a directory. */
public class MoreSharedTests {
    @Test
    void alsoRuns() {}
}
