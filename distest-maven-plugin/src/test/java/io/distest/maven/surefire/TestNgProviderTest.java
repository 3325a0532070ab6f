package io.distest.maven.surefire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distest.maven.schedule.TestUnit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestNgProviderTest {
    private static final ProviderChoice TESTNG_7 = new ProviderChoice(ProviderChoice.Kind.TESTNG, "7.10.2", PlatformRules.of("3.5.4"));

    @TempDir
    Path directory;

    @Test
    void givesTheProviderSurefiresPropertiesWithGroupsParallelAndConfigurator() {
        Properties properties = new Properties();
        properties.setProperty("listener", "a.Listener");
        properties.setProperty("parallel", "classes"); // the parallel parameter wins, as in Surefire
        TestNgProvider provider = TestNgProvider.of(TESTNG_7, properties, "fast", "broken", "methods", 4,
                directory, List.of(), directory);
        Map<String, String> expected = Map.of("listener", "a.Listener", "parallel", "methods", "threadcount", "4",
                "groups", "fast", "excludegroups", "broken", "testng.test.classpath", directory.toAbsolutePath().toString(),
                "testng.configurator", "org.apache.maven.surefire.testng.conf.TestNG740Configurator");
        assertEquals(expected, provider.run().properties());
        assertEquals("org.apache.maven.surefire.testng.TestNGProvider", provider.run().providerClass());
        assertEquals("TestSuite", provider.run().testSetName());
        assertFalse(provider.runsSuites());
    }

    @Test
    void aSingleTestClassIsReportedUnderItsOwnNameAsSurefireReportsIt() {
        TestNgProvider provider = TestNgProvider.of(TESTNG_7, null, null, null, null, null, directory, List.of(),
                directory);
        assertEquals("a.OnlyTest", provider.runOf(List.of(TestUnit.wholeClass(0, "a.OnlyTest"))).testSetName());
        assertEquals("TestSuite", provider.runOf(List.of(TestUnit.wholeClass(0, "a.OneTest"),
                TestUnit.wholeClass(1, "a.TwoTest"))).testSetName());
    }

    @Test
    void suiteFilesMakeOneUnitNamedAsSurefiresReport() throws IOException {
        Path suite = Files.writeString(directory.resolve("testng.xml"), "<suite name=\"s\"/>");
        TestNgProvider provider = TestNgProvider.of(TESTNG_7, null, null, null, null, null, directory, List.of(suite),
                directory);
        assertTrue(provider.runsSuites());
        assertEquals(List.of("testng.xml"), provider.run().suiteXmlFiles(), "relative to the working directory");
        assertEquals("TestSuite", TestNgProvider.suitesUnit().className());
    }

    @Test
    void aMissingSuiteFileIsAnErrorNamingItAndTheFix() {
        Path missing = directory.resolve("nope.xml");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TestNgProvider.of(TESTNG_7, null, null, null, null, null, directory, List.of(missing), directory));
        assertTrue(e.getMessage().contains(missing.toString()) && e.getMessage().contains("<suiteXmlFiles>"), e.getMessage());
    }
}
