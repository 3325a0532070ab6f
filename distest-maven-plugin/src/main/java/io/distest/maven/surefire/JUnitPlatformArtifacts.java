package io.distest.maven.surefire;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The launcher and engines a project's tests need on top of its own test class path, at versions that match
 * the project's own JUnit: nothing is added that the project already has, and no engine Surefire would not add.
 */
public final class JUnitPlatformArtifacts {
    /** Used when the project has no JUnit Platform artifact at all (plain JUnit 4 or TestNG projects). */
    static final String DEFAULT_PLATFORM_VERSION = "1.14.4";

    static final String PLATFORM_ENGINE = "org.junit.platform:junit-platform-engine";
    static final String PLATFORM_COMMONS = "org.junit.platform:junit-platform-commons";
    static final String LAUNCHER = "org.junit.platform:junit-platform-launcher";
    static final String JUPITER_API = "org.junit.jupiter:junit-jupiter-api";
    static final String JUPITER_ENGINE = "org.junit.jupiter:junit-jupiter-engine";
    static final String JUNIT4 = "junit:junit";
    static final String VINTAGE_ENGINE = "org.junit.vintage:junit-vintage-engine";
    public static final String TESTNG = "org.testng:testng";

    private JUnitPlatformArtifacts() {}

    /**
     * @param projectArtifacts the project's test class path as {@code groupId:artifactId} to version
     * @return coordinates {@code groupId:artifactId:version} to resolve and append
     */
    static List<String> missing(Map<String, String> projectArtifacts) {
        String platform = platformVersion(projectArtifacts);
        List<String> missing = new ArrayList<>();
        addIfAbsent(missing, projectArtifacts, LAUNCHER, platform);
        if (projectArtifacts.containsKey(JUPITER_API)) {
            addIfAbsent(missing, projectArtifacts, JUPITER_ENGINE, projectArtifacts.get(JUPITER_API));
        }
        if (projectArtifacts.containsKey(JUNIT4)) {
            addIfAbsent(missing, projectArtifacts, VINTAGE_ENGINE, jupiterVersionOf(platform));
        }
        // no TestNG engine: a TestNG-only project runs on Surefire's TestNG provider (ProviderChoice), and in a
        // JUnit Platform project Surefire runs TestNG only when the project has the engine itself
        return missing;
    }

    /** The platform version the project already uses, or the one its Jupiter implies, or our default. */
    static String platformVersion(Map<String, String> projectArtifacts) {
        for (String platformArtifact : List.of(PLATFORM_ENGINE, PLATFORM_COMMONS, LAUNCHER)) {
            if (projectArtifacts.containsKey(platformArtifact)) {
                return projectArtifacts.get(platformArtifact);
            }
        }
        for (String jupiter : List.of(JUPITER_API, JUPITER_ENGINE, VINTAGE_ENGINE)) {
            if (projectArtifacts.containsKey(jupiter)) {
                return platformVersionOf(projectArtifacts.get(jupiter));
            }
        }
        return DEFAULT_PLATFORM_VERSION;
    }

    /** Until JUnit 6, Jupiter 5.x went with Platform 1.x (5.14.4 ↔ 1.14.4); from 6.0 they share one version. */
    static String platformVersionOf(String jupiterVersion) {
        return jupiterVersion.startsWith("5.") ? "1." + jupiterVersion.substring(2) : jupiterVersion;
    }

    static String jupiterVersionOf(String platformVersion) {
        return platformVersion.startsWith("1.") ? "5." + platformVersion.substring(2) : platformVersion;
    }

    private static void addIfAbsent(List<String> missing, Map<String, String> present, String ga, String version) {
        if (!present.containsKey(ga)) {
            missing.add(ga + ":" + version);
        }
    }
}
