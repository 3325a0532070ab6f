package io.distest.maven.surefire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JUnitPlatformArtifactsTest {

    @Test
    void addsLauncherAndEngineMatchingJupiter5() {
        assertEquals(List.of("org.junit.platform:junit-platform-launcher:1.12.2",
                        "org.junit.jupiter:junit-jupiter-engine:5.12.2"),
                JUnitPlatformArtifacts.missing(Map.of("org.junit.jupiter:junit-jupiter-api", "5.12.2")));
    }

    @Test
    void usesOneVersionForJUnit6() {
        assertEquals(List.of("org.junit.platform:junit-platform-launcher:6.0.3"),
                JUnitPlatformArtifacts.missing(Map.of(
                        "org.junit.jupiter:junit-jupiter-api", "6.0.3",
                        "org.junit.jupiter:junit-jupiter-engine", "6.0.3",
                        "org.junit.platform:junit-platform-engine", "6.0.3")));
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
                "org.junit.platform:junit-platform-launcher", "1.14.4")));
    }

    @Test
    void runsPlainJUnit4ThroughVintage() {
        assertEquals(List.of("org.junit.platform:junit-platform-launcher:" + JUnitPlatformArtifacts.DEFAULT_PLATFORM_VERSION,
                        "org.junit.vintage:junit-vintage-engine:5.14.4"),
                JUnitPlatformArtifacts.missing(Map.of("junit:junit", "4.13.2")));
    }

    @Test
    void addsNoTestNgEngineAsSurefireAddsNone() {
        assertEquals(List.of("org.junit.platform:junit-platform-launcher:1.14.4",
                        "org.junit.jupiter:junit-jupiter-engine:5.14.4"),
                JUnitPlatformArtifacts.missing(Map.of("org.testng:testng", "7.10.2",
                        "org.junit.jupiter:junit-jupiter-api", "5.14.4")));
    }
}
