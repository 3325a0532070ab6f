package io.distest.maven.surefire;

import java.util.Map;
import org.apache.maven.artifact.versioning.ArtifactVersion;
import org.apache.maven.artifact.versioning.DefaultArtifactVersion;

/**
 * Which of Surefire's providers runs a project's tests, decided from its test class path as Surefire 3.5 decides
 * it: the JUnit Platform provider when the project has the JUnit Platform (and no JUnit 4 platform runner), else
 * the TestNG provider when it has TestNG, else the JUnit 4 provider for JUnit 4, the JUnit 3 provider for JUnit
 * 3.8. Except for the JUnit Platform, Surefire's own provider artifact runs inside the workers.
 *
 * @param kind the provider
 * @param testNgVersion the project's TestNG version, for {@link Kind#TESTNG}; else {@code null}
 */
public record ProviderChoice(Kind kind, String testNgVersion) {
    /** The providers distest tells apart. */
    public enum Kind {
        /** distest's own JUnit Platform launcher in the worker (JUnit 5/6, and JUnit 4 through Vintage). */
        JUNIT_PLATFORM,
        /** Surefire's TestNG provider in the worker. */
        TESTNG,
        /** Surefire's JUnit 4 provider in the worker (JUnit 4 without the JUnit Platform). */
        JUNIT4,
        /** Surefire's JUnit 3 provider in the worker (junit:junit 3.8, which the Vintage engine refuses). */
        JUNIT3
    }

    static final String TESTNG_PROVIDER = "org.apache.maven.surefire.testng.TestNGProvider";
    static final String TESTNG_PROVIDER_ARTIFACT = "org.apache.maven.surefire:surefire-testng";
    static final String PLATFORM_COMMONS = "org.junit.platform:junit-platform-commons";
    static final String PLATFORM_RUNNER = "org.junit.platform:junit-platform-runner";
    static final String JUNIT = "junit:junit";

    /**
     * @param projectArtifacts the project's test class path as {@code groupId:artifactId} to version
     * @param testNgArtifactName Surefire's {@code testNGArtifactName} ({@code org.testng:testng})
     */
    public static ProviderChoice of(Map<String, String> projectArtifacts, String testNgArtifactName) {
        boolean platform = projectArtifacts.containsKey(PLATFORM_COMMONS) && !projectArtifacts.containsKey(PLATFORM_RUNNER);
        String testNg = projectArtifacts.get(testNgArtifactName);
        if (!platform && testNg != null) {
            return new ProviderChoice(Kind.TESTNG, testNg);
        }
        String junit = projectArtifacts.get(JUNIT);
        if (!platform && junit != null) {
            boolean junit4 = new DefaultArtifactVersion(junit).compareTo(new DefaultArtifactVersion("4.0")) >= 0;
            return new ProviderChoice(junit4 ? Kind.JUNIT4 : Kind.JUNIT3, null);
        }
        return new ProviderChoice(Kind.JUNIT_PLATFORM, null);
    }

    /** Surefire's provider class, for the kinds that run one of Surefire's own providers; else {@code null}. */
    public String providerClass() {
        return switch (kind) {
            case TESTNG -> TESTNG_PROVIDER;
            case JUNIT4 -> "org.apache.maven.surefire.junit4.JUnit4Provider";
            case JUNIT3 -> "org.apache.maven.surefire.junit.JUnit3Provider";
            case JUNIT_PLATFORM -> null;
        };
    }

    /** The provider's artifact ({@code groupId:artifactId}), as Surefire resolves it for its forks. */
    public String providerArtifact() {
        return switch (kind) {
            case TESTNG -> TESTNG_PROVIDER_ARTIFACT;
            case JUNIT4 -> "org.apache.maven.surefire:surefire-junit4";
            case JUNIT3 -> "org.apache.maven.surefire:surefire-junit3";
            case JUNIT_PLATFORM -> null;
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
