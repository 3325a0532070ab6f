package io.distest.maven.surefire;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The launcher and engines a project's tests need on top of its own test class path, at versions that match
 * the project's own JUnit: nothing is added that the project already has, and no engine the project's Surefire
 * version would not add ({@link PlatformRules}).
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
    static final String JUNIT4_DEP = "junit:junit-dep";
    static final String TESTNG_ENGINE = "org.junit.support:testng-engine";
    static final String VINTAGE_ENGINE = "org.junit.vintage:junit-vintage-engine";
    public static final String TESTNG = "org.testng:testng";

    private JUnitPlatformArtifacts() {}

    /**
     * @param projectArtifacts the project's test class path as {@code groupId:artifactId} to version
     * @param rules the engine rules of the project's Surefire version
     * @return coordinates {@code groupId:artifactId:version} to resolve and append
     */
    static List<String> missing(Map<String, String> projectArtifacts, PlatformRules rules) {
        List<String> missing = new ArrayList<>();
        addIfAbsent(missing, projectArtifacts, LAUNCHER, platformVersion(projectArtifacts));
        String jupiterApi = projectArtifacts.get(JUPITER_API);
        boolean addsJupiter = rules != PlatformRules.PROJECT_ENGINES_ONLY && jupiterApi != null
                && !projectArtifacts.containsKey(JUPITER_ENGINE);
        if (addsJupiter) {
            missing.add(JUPITER_ENGINE + ":" + jupiterApi);
        }
        boolean vintageAbsent = !projectArtifacts.containsKey(VINTAGE_ENGINE);
        if (rules == PlatformRules.VINTAGE_WITH_ADDED_JUPITER && addsJupiter && vintageAbsent
                && (projectArtifacts.containsKey(JUNIT4) || projectArtifacts.containsKey(JUNIT4_DEP))) {
            missing.add(VINTAGE_ENGINE + ":" + jupiterApi);
        }
        if (rules == PlatformRules.UNIFIED) {
            if (vintageAbsent && projectArtifacts.containsKey(JUNIT4)) {
                missing.add(VINTAGE_ENGINE + ":" + (jupiterApi != null ? jupiterApi : PlatformRules.UNIFIED_DEFAULT_JUNIT));
            }
            if (projectArtifacts.containsKey(TESTNG)) {
                addIfAbsent(missing, projectArtifacts, TESTNG_ENGINE, PlatformRules.TESTNG_ENGINE_VERSION);
            }
        }
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

    private static void addIfAbsent(List<String> missing, Map<String, String> present, String ga, String version) {
        if (!present.containsKey(ga)) {
            missing.add(ga + ":" + version);
        }
    }
}
