package io.distest.maven.surefire;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.maven.artifact.versioning.ArtifactVersion;
import org.apache.maven.artifact.versioning.DefaultArtifactVersion;

/**
 * Which of Surefire's providers runs a project's tests, decided from its test class path as the project's Surefire
 * version decides it. Up to 3.5: the JUnit Platform provider when the project has the JUnit Platform (and no JUnit 4
 * platform runner), else the TestNG provider when it has TestNG, else for JUnit 4.7+ with {@code parallel} or groups
 * the JUnit 4.7 provider, the JUnit 4 provider for other JUnit 4, the JUnit 3 provider for JUnit 3.8. Except for the
 * JUnit Platform, Surefire's own provider artifact runs inside the workers. From 3.6 on ({@link
 * PlatformRules#UNIFIED}): the JUnit Platform for all of them, with JUnit older than 4.12 and TestNG older than 6.14.3
 * refused as Surefire refuses them.
 *
 * @param kind the provider
 * @param testNgVersion the project's TestNG version, for {@link Kind#TESTNG}; else {@code null}
 * @param rules the engine rules of the project's Surefire version, for {@link Kind#JUNIT_PLATFORM}
 */
public record ProviderChoice(Kind kind, String testNgVersion, PlatformRules rules) {
    /** The providers distest tells apart. */
    public enum Kind {
        /** distest's own JUnit Platform launcher in the worker (JUnit 5/6, and JUnit 4 through Vintage). */
        JUNIT_PLATFORM,
        /** Surefire's TestNG provider in the worker. */
        TESTNG,
        /** Surefire's JUnit 4 provider in the worker (JUnit 4 without the JUnit Platform). */
        JUNIT4,
        /** Surefire's JUnit 4.7 provider ({@code JUnitCoreProvider}): JUnit 4.7+ with {@code parallel} or groups. */
        JUNIT47,
        /** Surefire's JUnit 3 provider in the worker (junit:junit 3.8, which the Vintage engine refuses). */
        JUNIT3
    }

    static final String TESTNG_PROVIDER = "org.apache.maven.surefire.testng.TestNGProvider";
    static final String TESTNG_PROVIDER_ARTIFACT = "org.apache.maven.surefire:surefire-testng";
    static final String PLATFORM_COMMONS = "org.junit.platform:junit-platform-commons";
    static final String PLATFORM_RUNNER = "org.junit.platform:junit-platform-runner";
    static final String JUNIT = "junit:junit";

    /** Surefire's provider artifacts as a plugin dependency names them, to the provider each forces. */
    private static final Map<String, Kind> PROVIDER_ARTIFACTS = Map.of(
            "org.apache.maven.surefire:surefire-junit47", Kind.JUNIT47,
            "org.apache.maven.surefire:surefire-junit4", Kind.JUNIT4,
            "org.apache.maven.surefire:surefire-junit3", Kind.JUNIT3,
            TESTNG_PROVIDER_ARTIFACT, Kind.TESTNG,
            "org.apache.maven.surefire:surefire-junit-platform", Kind.JUNIT_PLATFORM,
            "org.junit.platform:junit-platform-surefire-provider", Kind.JUNIT_PLATFORM);

    /**
     * The provider a plugin dependency of maven-surefire-plugin forces, as Surefire uses a provider configured that
     * way instead of choosing one: the first such dependency's, or {@code null} when none is a provider.
     *
     * @param pluginDependencies the plugin's dependencies as {@code groupId:artifactId}
     */
    public static Kind forcedBy(List<String> pluginDependencies) {
        return pluginDependencies.stream().map(PROVIDER_ARTIFACTS::get).filter(Objects::nonNull).findFirst().orElse(null);
    }

    /** Whether a plugin dependency ({@code groupId:artifactId}) is one of Surefire's providers. */
    public static boolean isProvider(String pluginDependency) {
        return PROVIDER_ARTIFACTS.containsKey(pluginDependency);
    }

    /**
     * @param projectArtifacts the project's test class path as {@code groupId:artifactId} to version
     * @param testNgArtifactName Surefire's {@code testNGArtifactName} ({@code org.testng:testng})
     * @param parallelOrGroups whether {@code parallel} or {@code groups}/{@code excludedGroups} is set: Surefire then
     *     runs JUnit 4.7 and later with its JUnit 4.7 provider
     * @param forced the provider the plugin's dependencies force (see {@link #forcedBy}), or {@code null}
     * @param rules the rules of the project's Surefire version ({@link PlatformRules#of})
     * @throws IllegalArgumentException a forced TestNG provider without TestNG on the test class path; from 3.6 on,
     *     JUnit or TestNG too old for the JUnit Platform provider, with Surefire's own words
     */
    public static ProviderChoice of(Map<String, String> projectArtifacts, String testNgArtifactName,
            boolean parallelOrGroups, Kind forced, PlatformRules rules) {
        if (forced != null) {
            String testNg = projectArtifacts.get(testNgArtifactName);
            if (forced == Kind.TESTNG && testNg == null) {
                throw new IllegalArgumentException("maven-surefire-plugin's dependencies force its TestNG provider, but"
                        + " the test class path has no " + testNgArtifactName + ": add TestNG as a test dependency or"
                        + " remove surefire-testng from the plugin's dependencies");
            }
            return new ProviderChoice(forced, forced == Kind.TESTNG ? testNg : null, rules);
        }
        return rules == PlatformRules.UNIFIED ? unified(projectArtifacts, testNgArtifactName)
                : detected(projectArtifacts, testNgArtifactName, parallelOrGroups, rules);
    }

    /** Surefire 3.6's rule: one provider; what it cannot run through the platform it refuses, before any test. */
    private static ProviderChoice unified(Map<String, String> projectArtifacts, String testNgArtifactName) {
        String testNg = projectArtifacts.get(testNgArtifactName);
        if (testNg != null && below(new DefaultArtifactVersion(testNg), "6.14.3")) {
            throw new IllegalArgumentException("TestNG support requires version 6.14.3 or above. You have declared"
                    + " version " + testNg + " (maven-surefire-plugin 3.6 runs TestNG only through the JUnit"
                    + " Platform's TestNG engine): use " + testNgArtifactName + " 6.14.3 or later, or"
                    + " maven-surefire-plugin 3.5.x, whose TestNG provider runs it");
        }
        String junit = projectArtifacts.get(JUNIT);
        if (junit != null) {
            ArtifactVersion version = new DefaultArtifactVersion(junit);
            boolean platform = projectArtifacts.containsKey(PLATFORM_COMMONS) && !projectArtifacts.containsKey(PLATFORM_RUNNER);
            if (below(version, "4.12") && !platform && testNg == null) {
                throw new IllegalArgumentException("The used JUnit Version " + junit + " is not supported anymore."
                        + " Please update to version 4.12+ (maven-surefire-plugin 3.6 runs JUnit only through the JUnit"
                        + " Platform's Vintage engine), or use maven-surefire-plugin 3.5.x");
            }
            if (!below(version, "4.0") && below(version, "4.12")) {
                throw new IllegalArgumentException("Surefire is not compatible with JUnit 4.11 or older. Project"
                        + " version is " + junit + " (maven-surefire-plugin 3.6 runs JUnit 4 only through the JUnit"
                        + " Platform's Vintage engine): use junit:junit 4.12 or later, or maven-surefire-plugin 3.5.x");
            }
        }
        return new ProviderChoice(Kind.JUNIT_PLATFORM, null, PlatformRules.UNIFIED);
    }

    /** Surefire 3.5's rule (and older): the first provider whose framework the test class path has. */
    private static ProviderChoice detected(Map<String, String> projectArtifacts, String testNgArtifactName,
            boolean parallelOrGroups, PlatformRules rules) {
        boolean platform = projectArtifacts.containsKey(PLATFORM_COMMONS) && !projectArtifacts.containsKey(PLATFORM_RUNNER);
        String testNg = projectArtifacts.get(testNgArtifactName);
        if (!platform && testNg != null) {
            return new ProviderChoice(Kind.TESTNG, testNg, rules);
        }
        String junit = projectArtifacts.get(JUNIT);
        if (!platform && junit != null) {
            ArtifactVersion version = new DefaultArtifactVersion(junit);
            if (parallelOrGroups && !below(version, "4.7")) {
                return new ProviderChoice(Kind.JUNIT47, null, rules);
            }
            return new ProviderChoice(below(version, "4.0") ? Kind.JUNIT3 : Kind.JUNIT4, null, rules);
        }
        return new ProviderChoice(Kind.JUNIT_PLATFORM, null, rules);
    }

    /** Surefire's provider class, for the kinds that run one of Surefire's own providers; else {@code null}. */
    public String providerClass() {
        return switch (kind) {
            case TESTNG -> TESTNG_PROVIDER;
            case JUNIT4 -> "org.apache.maven.surefire.junit4.JUnit4Provider";
            case JUNIT47 -> "org.apache.maven.surefire.junitcore.JUnitCoreProvider";
            case JUNIT3 -> "org.apache.maven.surefire.junit.JUnit3Provider";
            case JUNIT_PLATFORM -> null;
        };
    }

    /** The provider's artifact ({@code groupId:artifactId}), as Surefire resolves it for its forks. */
    public String providerArtifact() {
        return switch (kind) {
            case TESTNG -> TESTNG_PROVIDER_ARTIFACT;
            case JUNIT4 -> "org.apache.maven.surefire:surefire-junit4";
            case JUNIT47 -> "org.apache.maven.surefire:surefire-junit47";
            case JUNIT3 -> "org.apache.maven.surefire:surefire-junit3";
            case JUNIT_PLATFORM -> null;
        };
    }

    /** The provider's name in log lines: {@code JUnit 4.7}, {@code TestNG}, … */
    public String label() {
        return switch (kind) {
            case JUNIT_PLATFORM -> "JUnit Platform";
            case TESTNG -> "TestNG";
            case JUNIT4 -> "JUnit 4";
            case JUNIT47 -> "JUnit 4.7";
            case JUNIT3 -> "JUnit 3";
        };
    }

    public boolean isTestNg() {
        return kind == Kind.TESTNG;
    }

    /**
     * Surefire's TestNG configurator for this TestNG version (its {@code testng.configurator} provider property):
     * how TestNG of that age takes listeners, reporters, groups and parallel settings.
     *
     * @throws IllegalArgumentException for a TestNG Surefire does not support, naming the version and the fix
     */
    String testNgConfigurator() {
        ArtifactVersion version = new DefaultArtifactVersion(testNgVersion);
        String prefix = "org.apache.maven.surefire.testng.conf.";
        if (below(version, "4.7")) {
            throw new IllegalArgumentException("TestNG " + testNgVersion + " is older than 4.7, the oldest Surefire's"
                    + " TestNG provider supports: use org.testng:testng 4.7 or later");
        }
        if (below(version, "5.2")) {
            return prefix + "TestNG4751Configurator";
        }
        if (below(version, "5.3")) {
            return prefix + "TestNG52Configurator";
        }
        if (below(version, "5.10")) {
            return prefix + "TestNGMapConfigurator";
        }
        if (below(version, "5.13")) {
            return prefix + "TestNG510Configurator";
        }
        if (below(version, "5.14.1")) {
            return prefix + "TestNG513Configurator";
        }
        if (below(version, "5.14.3")) {
            return prefix + "TestNG5141Configurator";
        }
        if (below(version, "6.0")) {
            return prefix + "TestNG5143Configurator";
        }
        if (below(version, "7.4.0")) {
            return prefix + "TestNG60Configurator";
        }
        return prefix + "TestNG740Configurator";
    }

    private static boolean below(ArtifactVersion version, String bound) {
        return version.compareTo(new DefaultArtifactVersion(bound)) < 0;
    }
}
