package it.suite.pkg.sub;

import org.testng.annotations.Test;

public class InPackageTest {
    @Test
    public void foundThroughThePackage() {}
}
