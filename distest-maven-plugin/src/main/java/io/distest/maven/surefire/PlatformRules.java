package io.distest.maven.surefire;

/**
 * Which engines and providers a maven-surefire-plugin (or maven-failsafe-plugin) version uses for the JUnit Platform,
 * read from its {@code AbstractSurefireMojo} at each release and checked on real runs. Each generation is one rule.
 */
public enum PlatformRules {
    /** Before 3.0.0-M4: the launcher only; the project brings every engine it wants run. */
    PROJECT_ENGINES_ONLY,
    /** 3.0.0-M4: also the Jupiter engine, at the API's version, when the project has Jupiter's API but not its engine. */
    JUPITER_FROM_API,
    /**
     * 3.0.0-M5 to 3.5.x: also the Vintage engine when the project has {@code junit:junit} (or {@code junit-dep}) and
     * Surefire added the Jupiter engine itself; a project that brings its own Jupiter engine gets no Vintage, so its
     * JUnit 3 and 4 classes do not run. No TestNG engine is ever added; TestNG and JUnit 4 without the platform run on
     * Surefire's own providers.
     */
    VINTAGE_WITH_ADDED_JUPITER,
    /**
     * 3.6.0 on: one provider, the JUnit Platform's, for everything. The Vintage engine whenever {@code junit:junit} is
     * there without it (JUnit 4.12+; older JUnit is refused), the TestNG engine {@value #TESTNG_ENGINE_VERSION}
     * whenever TestNG is there without it (TestNG 6.14.3+; older is refused).
     */
    UNIFIED;

    /** The TestNG engine Surefire 3.6 adds. */
    public static final String TESTNG_ENGINE_VERSION = "1.1.0";
    /** The Jupiter (and Vintage) version Surefire 3.6 uses when the project has no Jupiter API to take it from. */
    public static final String UNIFIED_DEFAULT_JUNIT = "5.14.4";

    /**
     * @param version the project's maven-surefire-plugin or maven-failsafe-plugin version; {@code null} or blank:
     *     unknown, taken as the Surefire version distest's reporting is built on
     */
    public static PlatformRules of(String version) {
        String known = version == null || version.isBlank() ? ProviderResolver.surefireVersion() : version;
        if (SurefireRules.before(known, "3.0.0-M4")) {
            return PROJECT_ENGINES_ONLY;
        }
        if (SurefireRules.before(known, "3.0.0-M5")) {
            return JUPITER_FROM_API;
        }
        return SurefireRules.before(known, "3.6.0-M1") ? VINTAGE_WITH_ADDED_JUPITER : UNIFIED;
    }
}
