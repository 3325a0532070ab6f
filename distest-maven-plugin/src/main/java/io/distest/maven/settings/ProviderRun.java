package io.distest.maven.settings;

import java.util.List;
import java.util.Map;

/**
 * A run whose tests go through one of Surefire's own providers inside the workers (its jars are on the test class
 * path) instead of distest's JUnit Platform launcher.
 *
 * @param providerClass e.g. {@code org.apache.maven.surefire.testng.TestNGProvider}
 * @param properties Surefire's provider properties, as Surefire hands them to the provider in its fork
 * @param suiteXmlFiles TestNG suite files, relative to the test JVM's working directory (or absolute when outside
 *     it); when not empty the run has one unit, the suites
 * @param testSetName the one test set all results are reported in, as Surefire's provider reports them with one
 *     fork ({@code TestSuite}: {@code TEST-TestSuite.xml})
 * @param rerunFailingTestsCount how often the provider itself runs a failing test again (the JUnit 4 providers do;
 *     TestNG's ignores it, as in Surefire)
 */
public record ProviderRun(String providerClass, Map<String, String> properties, List<String> suiteXmlFiles,
        String testSetName, int rerunFailingTestsCount) {
    public ProviderRun {
        properties = Map.copyOf(properties);
        suiteXmlFiles = List.copyOf(suiteXmlFiles);
    }
}
