package io.distest.protocol;

import java.util.List;
import java.util.Map;

/**
 * Plugin to worker, after {@link Configure}: run every following unit through a Surefire provider (on the worker's
 * class path) instead of the JUnit Platform launcher, as Surefire itself would for this project.
 *
 * @param providerClass the provider, e.g. {@code org.apache.maven.surefire.testng.TestNGProvider}
 * @param providerProperties Surefire's provider properties (its {@code properties}, groups, parallel, configurator…)
 * @param suiteXmlFiles TestNG suite files (relative to the worker's working directory, or absolute); when not
 *     empty, a unit runs these suites instead of a class
 * @param reportsDirectory where the provider's own reports go on the worker (relative to its working directory, or
 *     absolute); they are sent back with {@link ReportFile} before {@link UnitFinished}
 * @param rerunFailingTestsCount how often the provider runs a failing test again (Surefire's
 *     {@code rerunFailingTestsCount}; the JUnit 4 providers do it themselves)
 */
public record UseProvider(String providerClass, Map<String, String> providerProperties, List<String> suiteXmlFiles,
        String reportsDirectory, int rerunFailingTestsCount) implements Message {
    public UseProvider {
        if (providerClass == null || providerClass.isBlank()) {
            throw new IllegalArgumentException("providerClass must not be blank");
        }
        providerProperties = Map.copyOf(providerProperties);
        suiteXmlFiles = List.copyOf(suiteXmlFiles);
        if (rerunFailingTestsCount < 0) {
            throw new IllegalArgumentException("rerunFailingTestsCount must be >= 0, got " + rerunFailingTestsCount);
        }
    }
}
