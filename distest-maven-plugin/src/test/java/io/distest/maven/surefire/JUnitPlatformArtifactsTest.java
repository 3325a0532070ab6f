package io.distest.maven.surefire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JUnitPlatformArtifactsTest {
    private static final PlatformRules SUREFIRE_3_5 = PlatformRules.of("3.5.4");
    private static final PlatformRules SUREFIRE_3_6 = PlatformRules.of("3.6.1");
    private static final String LAUNCHER_1_14_4 = "org.junit.platform:junit-platform-launcher:1.14.4";

    @Test
    void addsLauncherAndEngineMatchingJupiter5() {
        assertEquals(List.of("org.junit.platform:junit-platform-launcher:1.12.2",
                        "org.junit.jupiter:junit-jupiter-engine:5.12.2"),
                JUnitPlatformArtifacts.missing(Map.of("org.junit.jupiter:junit-jupiter-api", "5.12.2"), SUREFIRE_3_5));
    }

    @Test
    void usesOneVersionForJUnit6() {
        assertEquals(List.of("org.junit.platform:junit-platform-launcher:6.0.3"),
                JUnitPlatformArtifacts.missing(Map.of(
                        "org.junit.jupiter:junit-jupiter-api", "6.0.3",
                        "org.junit.jupiter:junit-jupiter-engine", "6.0.3",
                        "org.junit.platform:junit-platform-engine", "6.0.3"), SUREFIRE_3_5));
    }

    @Test
    void prefersThePlatformVersionTheProjectAlreadyHas() {
        assertEquals("1.13.4", JUnitPlatformArtifacts.platformVersion(Map.of(
                "org.junit.platform:junit-platform-commons", "1.13.4",
                "org.junit.jupiter:junit-jupiter-api", "5.14.0")));
    }

    @Test
    void addsNothingTheProjectAlreadyHas() {
        assertEquals(List.of(), JUnitPlatformArtifacts.missing(Map.of(
                "org.junit.jupiter:junit-jupiter-api", "5.14.4",
                "org.junit.jupiter:junit-jupiter-engine", "5.14.4",
                "org.junit.platform:junit-platform-launcher", "1.14.4"), SUREFIRE_3_5));
    }

    @Test
    void surefire35AddsNoVintageToAProjectThatBringsItsOwnJupiterEngine() {
        // commons-collections: junit-jupiter (with its engine) and guava-testlib's junit:junit
        assertEquals(List.of(LAUNCHER_1_14_4), JUnitPlatformArtifacts.missing(Map.of(
                "org.junit.jupiter:junit-jupiter-api", "5.14.4",
                "org.junit.jupiter:junit-jupiter-engine", "5.14.4",
                "junit:junit", "4.13.2"), SUREFIRE_3_5));
    }

    @Test
    void surefire35AddsVintageOnlyBesideTheJupiterEngineItAddsItself() {
        assertEquals(List.of("org.junit.platform:junit-platform-launcher:1.11.4",
                        "org.junit.jupiter:junit-jupiter-engine:5.11.4", "org.junit.vintage:junit-vintage-engine:5.11.4"),
                JUnitPlatformArtifacts.missing(Map.of("org.junit.jupiter:junit-jupiter-api", "5.11.4",
                        "junit:junit-dep", "4.11"), SUREFIRE_3_5));
    }

    @Test
    void surefire35AddsNoVintageToAPlatformProjectWithoutJupiter() {
        assertEquals(List.of(LAUNCHER_1_14_4), JUnitPlatformArtifacts.missing(Map.of(
                "org.junit.platform:junit-platform-commons", "1.14.4", "junit:junit", "4.13.2"), SUREFIRE_3_5));
    }

    @Test
    void surefireBefore300M4AddsNoEngineAtAll() {
        assertEquals(List.of("org.junit.platform:junit-platform-launcher:1.9.3"), JUnitPlatformArtifacts.missing(
                Map.of("org.junit.jupiter:junit-jupiter-api", "5.9.3", "junit:junit", "4.13.2"),
                PlatformRules.of("2.22.2")));
        assertEquals(List.of("org.junit.platform:junit-platform-launcher:1.9.3",
                        "org.junit.jupiter:junit-jupiter-engine:5.9.3"), JUnitPlatformArtifacts.missing(
                Map.of("org.junit.jupiter:junit-jupiter-api", "5.9.3", "junit:junit", "4.13.2"),
                PlatformRules.of("3.0.0-M4")));
    }

    @Test
    void addsNoTestNgEngineBeforeSurefire36() {
        assertEquals(List.of(LAUNCHER_1_14_4, "org.junit.jupiter:junit-jupiter-engine:5.14.4"),
                JUnitPlatformArtifacts.missing(Map.of("org.testng:testng", "7.10.2",
                        "org.junit.jupiter:junit-jupiter-api", "5.14.4"), SUREFIRE_3_5));
    }

    @Test
    void surefire36AddsVintageWheneverJUnit4IsThere() {
        assertEquals(List.of(LAUNCHER_1_14_4, "org.junit.vintage:junit-vintage-engine:5.14.4"),
                JUnitPlatformArtifacts.missing(Map.of(
                        "org.junit.jupiter:junit-jupiter-api", "5.14.4",
                        "org.junit.jupiter:junit-jupiter-engine", "5.14.4",
                        "junit:junit", "4.13.2"), SUREFIRE_3_6));
    }

    @Test
    void surefire36RunsPlainJUnit4ThroughVintageAtItsDefaultVersion() {
        assertEquals(List.of(LAUNCHER_1_14_4, "org.junit.vintage:junit-vintage-engine:" + PlatformRules.UNIFIED_DEFAULT_JUNIT),
                JUnitPlatformArtifacts.missing(Map.of("junit:junit", "4.13.2"), SUREFIRE_3_6));
    }

    @Test
    void surefire36AddsTheTestNgEngine() {
        assertEquals(List.of(LAUNCHER_1_14_4, "org.junit.support:testng-engine:1.1.0"),
                JUnitPlatformArtifacts.missing(Map.of("org.testng:testng", "7.10.2"), SUREFIRE_3_6));
        assertEquals(List.of(LAUNCHER_1_14_4), JUnitPlatformArtifacts.missing(Map.of("org.testng:testng", "7.10.2",
                "org.junit.support:testng-engine", "1.0.5"), SUREFIRE_3_6));
    }

    @Test
    void readsTheRulesFromTheVersion() {
        assertEquals(PlatformRules.PROJECT_ENGINES_ONLY, PlatformRules.of("2.22.2"));
        assertEquals(PlatformRules.VINTAGE_WITH_ADDED_JUPITER, PlatformRules.of("3.0.0-M5"));
        assertEquals(PlatformRules.VINTAGE_WITH_ADDED_JUPITER, PlatformRules.of("3.5.6"));
        assertEquals(PlatformRules.UNIFIED, PlatformRules.of("3.6.0"));
        assertEquals(PlatformRules.UNIFIED, PlatformRules.of("3.6.0-M1"));
        assertEquals(PlatformRules.VINTAGE_WITH_ADDED_JUPITER, PlatformRules.of(null), "unknown: distest's own 3.5.4");
    }
}
