package it.tng6;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.fail;

import org.testng.annotations.Test;

/** dependsOnMethods: a test after a passing one runs, one after a failing one is skipped. */
public class DependenciesTest {
    private int balance;

    @Test
    public void opensAccount() {
        balance = 10;
    }

    @Test(dependsOnMethods = "opensAccount")
    public void depositsIntoTheOpenedAccount() {
        balance += 5;
        assertEquals(balance, 15);
    }

    @Test
    public void failsOnPurpose() {
        fail("failing on purpose");
    }

    @Test(dependsOnMethods = "failsOnPurpose")
    public void skippedBecauseItsDependencyFailed() {
    }

    @Test(groups = "broken")
    public void inAnExcludedGroup() {
        fail("excludedGroups=broken must keep this from running");
    }
}
