package it.tng6;

import org.testng.SkipException;
import org.testng.annotations.Test;

/** Groups and a test that skips itself. */
@Test(groups = "fast")
public class GroupsTest {
    public void inheritsTheClassGroup() {
        System.out.println("output of inheritsTheClassGroup");
    }

    @Test(groups = {"fast", "slow"})
    public void inTwoGroups() {
    }

    public void skipsItself() {
        throw new SkipException("not today");
    }
}
