package io.distest.maven.surefire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProviderChoiceTest {
    private static final String TESTNG = "org.testng:testng";

    @Test
    void testNgAloneRunsOnSurefiresTestNgProvider() {
        ProviderChoice choice = ProviderChoice.of(Map.of(TESTNG, "6.9.10"), TESTNG, false);
        assertTrue(choice.isTestNg());
        assertEquals("6.9.10", choice.testNgVersion());
    }

    @Test
    void theJUnitPlatformWinsOverTestNgAsInSurefire() {
        assertFalse(ProviderChoice.of(Map.of(TESTNG, "7.10.2", "org.junit.platform:junit-platform-commons", "1.14.4"),
                TESTNG, false).isTestNg());
    }

    @Test
    void theJUnit4PlatformRunnerLeavesTestNgToItsProvider() {
        assertTrue(ProviderChoice.of(Map.of(TESTNG, "7.10.2", "org.junit.platform:junit-platform-commons", "1.14.4",
                "org.junit.platform:junit-platform-runner", "1.14.4"), TESTNG, false).isTestNg());
    }

    @Test
    void junit4WithoutThePlatformRunsOnSurefiresJUnit4Provider() {
        ProviderChoice choice = ProviderChoice.of(Map.of("junit:junit", "4.13.2"), TESTNG, false);
        assertEquals(ProviderChoice.Kind.JUNIT4, choice.kind());
        assertEquals("org.apache.maven.surefire.junit4.JUnit4Provider", choice.providerClass());
        assertEquals("org.apache.maven.surefire:surefire-junit4", choice.providerArtifact());
    }

    @Test
    void junit47WithParallelOrGroupsRunsOnSurefiresJUnit47Provider() {
        ProviderChoice choice = ProviderChoice.of(Map.of("junit:junit", "4.13.2"), TESTNG, true);
        assertEquals(ProviderChoice.Kind.JUNIT47, choice.kind());
        assertEquals("org.apache.maven.surefire.junitcore.JUnitCoreProvider", choice.providerClass());
        assertEquals("org.apache.maven.surefire:surefire-junit47", choice.providerArtifact());
    }

    @Test
    void aProviderForcedByThePluginsDependenciesWinsOverTheClassPath() {
        ProviderChoice choice = ProviderChoice.of(Map.of("junit:junit", "4.13.2"), TESTNG, false,
                ProviderChoice.forcedBy(List.of("org.junit.jupiter:junit-jupiter-engine",
                        "org.apache.maven.surefire:surefire-junit47")));
        assertEquals(ProviderChoice.Kind.JUNIT47, choice.kind());
    }

    @Test
    void aForcedTestNgProviderWithoutTestNgIsRefusedNamingTheFix() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProviderChoice.of(
                Map.of("junit:junit", "4.13.2"), TESTNG, false, ProviderChoice.Kind.TESTNG));
        assertTrue(e.getMessage().contains("no org.testng:testng"), e.getMessage());
    }

    @Test
    void junitOlderThan47KeepsTheJUnit4ProviderEvenWithParallel() {
        assertEquals(ProviderChoice.Kind.JUNIT4, ProviderChoice.of(Map.of("junit:junit", "4.5"), TESTNG, true).kind());
    }

    @Test
    void junit3RunsOnSurefiresJUnit3ProviderWhichTheVintageEngineCannotReplace() {
        ProviderChoice choice = ProviderChoice.of(Map.of("junit:junit", "3.8.2"), TESTNG, false);
        assertEquals(ProviderChoice.Kind.JUNIT3, choice.kind());
        assertEquals("org.apache.maven.surefire:surefire-junit3", choice.providerArtifact());
    }

    @Test
    void junit4BesideTheJupiterApiRunsOnTheJUnitPlatform() {
        ProviderChoice choice = ProviderChoice.of(Map.of("junit:junit", "4.13.2",
                "org.junit.platform:junit-platform-commons", "1.14.4"), TESTNG, false);
        assertEquals(ProviderChoice.Kind.JUNIT_PLATFORM, choice.kind());
        assertEquals(null, choice.providerClass());
    }

    @ParameterizedTest
    @CsvSource({
        "5.1, TestNG4751Configurator",
        "5.2, TestNG52Configurator",
        "5.9, TestNGMapConfigurator",
        "5.12.1, TestNG510Configurator",
        "5.13.1, TestNG513Configurator",
        "5.14.2, TestNG5141Configurator",
        "5.14.10, TestNG5143Configurator",
        "6.9.10, TestNG60Configurator",
        "7.3.0, TestNG60Configurator",
        "7.4.0, TestNG740Configurator",
        "7.10.2, TestNG740Configurator"})
    void picksSurefiresConfiguratorForTheTestNgVersion(String version, String configurator) {
        assertEquals("org.apache.maven.surefire.testng.conf." + configurator,
                new ProviderChoice(ProviderChoice.Kind.TESTNG, version).testNgConfigurator());
    }

    @Test
    void refusesTestNgOlderThanSurefireSupportsNamingTheVersion() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ProviderChoice(ProviderChoice.Kind.TESTNG, "4.6").testNgConfigurator());
        assertTrue(e.getMessage().contains("TestNG 4.6") && e.getMessage().contains("4.7 or later"), e.getMessage());
    }
}
