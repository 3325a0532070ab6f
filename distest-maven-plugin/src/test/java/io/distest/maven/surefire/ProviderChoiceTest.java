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
    private static final PlatformRules SUREFIRE_3_5 = PlatformRules.of("3.5.4");
    private static final PlatformRules SUREFIRE_3_6 = PlatformRules.of("3.6.1");

    private static ProviderChoice of35(Map<String, String> artifacts, boolean parallelOrGroups) {
        return ProviderChoice.of(artifacts, TESTNG, parallelOrGroups, null, SUREFIRE_3_5);
    }

    private static ProviderChoice of36(Map<String, String> artifacts) {
        return ProviderChoice.of(artifacts, TESTNG, false, null, SUREFIRE_3_6);
    }

    @Test
    void surefire36RunsJUnit4TestNgAndTheJupiterAllOnTheJUnitPlatform() {
        assertEquals(ProviderChoice.Kind.JUNIT_PLATFORM, of36(Map.of("junit:junit", "4.13.2")).kind());
        assertEquals(ProviderChoice.Kind.JUNIT_PLATFORM, of36(Map.of(TESTNG, "7.10.2")).kind());
        assertEquals(ProviderChoice.Kind.JUNIT_PLATFORM, of36(Map.of(TESTNG, "6.14.3")).kind());
        assertEquals(PlatformRules.UNIFIED, of36(Map.of("junit:junit", "4.12")).rules());
    }

    @Test
    void surefire36RefusesTestNgOlderThan6143InItsOwnWords() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> of36(Map.of(TESTNG, "6.9.10")));
        assertTrue(e.getMessage().startsWith("TestNG support requires version 6.14.3 or above. You have declared"
                + " version 6.9.10"), e.getMessage());
        assertTrue(e.getMessage().contains("maven-surefire-plugin 3.6"), e.getMessage());
    }

    @Test
    void surefire36RefusesJUnitOlderThan412InItsOwnWords() {
        IllegalArgumentException old4 = assertThrows(IllegalArgumentException.class,
                () -> of36(Map.of("junit:junit", "4.11")));
        assertTrue(old4.getMessage().startsWith("The used JUnit Version 4.11 is not supported anymore. Please update"
                + " to version 4.12+"), old4.getMessage());
        IllegalArgumentException besideJupiter = assertThrows(IllegalArgumentException.class, () -> of36(Map.of(
                "junit:junit", "4.11", "org.junit.platform:junit-platform-commons", "1.14.4")));
        assertTrue(besideJupiter.getMessage().startsWith("Surefire is not compatible with JUnit 4.11 or older. Project"
                + " version is 4.11"), besideJupiter.getMessage());
        IllegalArgumentException junit3 = assertThrows(IllegalArgumentException.class,
                () -> of36(Map.of("junit:junit", "3.8.1")));
        assertTrue(junit3.getMessage().startsWith("The used JUnit Version 3.8.1 is not supported anymore. Please update"
                + " to version 4.12+"), junit3.getMessage());
    }

    @Test
    void surefire35KeepsItsOwnProvidersForJUnit4AndTestNg() {
        assertEquals(ProviderChoice.Kind.JUNIT4, of35(Map.of("junit:junit", "4.11"), false).kind());
        assertTrue(of35(Map.of(TESTNG, "6.9.10"), false).isTestNg());
    }

    @Test
    void testNgAloneRunsOnSurefiresTestNgProvider() {
        ProviderChoice choice = of35(Map.of(TESTNG, "6.9.10"), false);
        assertTrue(choice.isTestNg());
        assertEquals("6.9.10", choice.testNgVersion());
    }

    @Test
    void theJUnitPlatformWinsOverTestNgAsInSurefire() {
        assertFalse(of35(Map.of(TESTNG, "7.10.2", "org.junit.platform:junit-platform-commons", "1.14.4"), false).isTestNg());
    }

    @Test
    void theJUnit4PlatformRunnerLeavesTestNgToItsProvider() {
        assertTrue(of35(Map.of(TESTNG, "7.10.2", "org.junit.platform:junit-platform-commons", "1.14.4",
                "org.junit.platform:junit-platform-runner", "1.14.4"), false).isTestNg());
    }

    @Test
    void junit4WithoutThePlatformRunsOnSurefiresJUnit4Provider() {
        ProviderChoice choice = of35(Map.of("junit:junit", "4.13.2"), false);
        assertEquals(ProviderChoice.Kind.JUNIT4, choice.kind());
        assertEquals("org.apache.maven.surefire.junit4.JUnit4Provider", choice.providerClass());
        assertEquals("org.apache.maven.surefire:surefire-junit4", choice.providerArtifact());
    }

    @Test
    void junit47WithParallelOrGroupsRunsOnSurefiresJUnit47Provider() {
        ProviderChoice choice = of35(Map.of("junit:junit", "4.13.2"), true);
        assertEquals(ProviderChoice.Kind.JUNIT47, choice.kind());
        assertEquals("org.apache.maven.surefire.junitcore.JUnitCoreProvider", choice.providerClass());
        assertEquals("org.apache.maven.surefire:surefire-junit47", choice.providerArtifact());
    }

    @Test
    void aProviderForcedByThePluginsDependenciesWinsOverTheClassPath() {
        ProviderChoice choice = ProviderChoice.of(Map.of("junit:junit", "4.13.2"), TESTNG, false,
                ProviderChoice.forcedBy(List.of("org.junit.jupiter:junit-jupiter-engine",
                        "org.apache.maven.surefire:surefire-junit47")), SUREFIRE_3_5);
        assertEquals(ProviderChoice.Kind.JUNIT47, choice.kind());
    }

    @Test
    void aForcedTestNgProviderWithoutTestNgIsRefusedNamingTheFix() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProviderChoice.of(
                Map.of("junit:junit", "4.13.2"), TESTNG, false, ProviderChoice.Kind.TESTNG, SUREFIRE_3_5));
        assertTrue(e.getMessage().contains("no org.testng:testng"), e.getMessage());
    }

    @Test
    void junitOlderThan47KeepsTheJUnit4ProviderEvenWithParallel() {
        assertEquals(ProviderChoice.Kind.JUNIT4, of35(Map.of("junit:junit", "4.5"), true).kind());
    }

    @Test
    void junit3RunsOnSurefiresJUnit3ProviderWhichTheVintageEngineCannotReplace() {
        ProviderChoice choice = of35(Map.of("junit:junit", "3.8.2"), false);
        assertEquals(ProviderChoice.Kind.JUNIT3, choice.kind());
        assertEquals("org.apache.maven.surefire:surefire-junit3", choice.providerArtifact());
    }

    @Test
    void junit4BesideTheJupiterApiRunsOnTheJUnitPlatform() {
        ProviderChoice choice = of35(Map.of("junit:junit", "4.13.2",
                "org.junit.platform:junit-platform-commons", "1.14.4"), false);
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
                new ProviderChoice(ProviderChoice.Kind.TESTNG, version, SUREFIRE_3_5).testNgConfigurator());
    }

    @Test
    void refusesTestNgOlderThanSurefireSupportsNamingTheVersion() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ProviderChoice(ProviderChoice.Kind.TESTNG, "4.6", SUREFIRE_3_5).testNgConfigurator());
        assertTrue(e.getMessage().contains("TestNG 4.6") && e.getMessage().contains("4.7 or later"), e.getMessage());
    }
}
