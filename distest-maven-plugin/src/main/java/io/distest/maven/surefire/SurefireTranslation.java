package io.distest.maven.surefire;

import io.distest.maven.schedule.TestUnit;
import io.distest.maven.settings.ProviderRun;
import io.distest.maven.tx.Arguments;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.maven.artifact.Artifact;

/**
 * What Surefire (or Failsafe) would do with one execution's settings, computed once: the worker JVM's arguments and
 * system properties, the provider, the tests selected, the JUnit Platform's tags and configuration parameters, and
 * what the log says about it ({@link #inheritanceLine}, {@link #notHonoured}). Plain values in, plain values out;
 * the goal only resolves artifacts and runs.
 */
public final class SurefireTranslation {
    private final TestPlugin plugin;
    private final TestSettings settings;
    private final SurefireSettings inherited;
    private final String argLine;
    private final List<String> jvmArguments;
    private final int configuredSystemProperties;
    private final int promotedUserProperties;
    private final Map<String, String> systemProperties;
    private final ProviderChoice provider;
    private final ProviderRun providerRun;
    private final TestNgSuites.Selection suites;
    private final List<TestUnit> units;
    private final Map<String, String> configurationParameters;
    private final String parallelNote;
    private final List<String> notHonoured;

    /**
     * @param plugin the plugin the goal stands in for
     * @param settings the execution's settings after inheritance
     * @param inherited what was inherited (its version decides the default includes/excludes)
     * @param artifacts the project's test-scope artifacts
     * @param projectProperties the project's properties as they are now ({@code @{…}} in argLine)
     * @param userProperties the build's {@code -D} properties
     * @throws IllegalArgumentException a setting distest (or Surefire) refuses, or a file it cannot read, with a
     *                                  message naming it
     */
    public SurefireTranslation(TestPlugin plugin, TestSettings settings, SurefireSettings inherited,
            Collection<Artifact> artifacts, Properties projectProperties, Properties userProperties) {
        this.plugin = plugin;
        this.settings = settings;
        this.inherited = inherited;
        List<String> notes = new ArrayList<>(inherited.notHonoured());
        argLine = SurefireRules.lateReplace(settings.argLine(), projectProperties, userProperties);
        jvmArguments = jvmArguments(argLine, settings.enableAssertions(), notes);
        Properties fromFile = readSystemPropertiesFile(settings.systemPropertiesFile());
        Properties promoted = settings.promoteUserPropertiesToSystemProperties()
                ? SurefireRules.promotable(userProperties) : new Properties();
        configuredSystemProperties = SurefireRules.systemProperties(settings.systemProperties(), fromFile,
                settings.systemPropertyVariables(), new Properties()).size();
        promotedUserProperties = promoted.size();
        systemProperties = SurefireRules.systemProperties(settings.systemProperties(), fromFile,
                settings.systemPropertyVariables(), promoted);

        Map<String, String> versions = new LinkedHashMap<>();
        artifacts.forEach(a -> versions.put(a.getGroupId() + ":" + a.getArtifactId(), a.getBaseVersion()));
        PlatformRules rules = PlatformRules.of(inherited.version());
        if (rules == PlatformRules.UNIFIED && settings.suiteXmlFiles() != null && !settings.suiteXmlFiles().isEmpty()) {
            throw new IllegalArgumentException("Parameter \"suiteXmlFiles\" is not supported since 3.6.0: TestNG tests"
                    + " now run on the JUnit Platform, which can't read TestNG suite XML files. Remove it and select"
                    + " tests with \"groups\", \"excludedGroups\", \"includes\" or \"excludes\" (or a JUnit Platform"
                    + " @Suite class), or keep using " + plugin.artifactId() + " 3.5.x.");
        }
        provider = ProviderChoice.of(versions, JUnitPlatformArtifacts.TESTNG,
                settings.parallelism().selected() || settings.groups() != null || settings.excludedGroups() != null,
                inherited.forcedProvider(), rules);
        TestNgProvider testNg = provider.isTestNg() ? testNgProvider() : null;
        ProviderRun junit = junitProvider();
        suites = testNg == null ? suiteSelection() : null;
        units = testNg != null && testNg.runsSuites() ? List.of(TestNgProvider.suitesUnit())
                : suites != null ? suites.units() : selectTests(artifacts);
        providerRun = testNg != null ? testNg.runOf(units) : junit;
        configurationParameters = new LinkedHashMap<>(SurefireRules.configurationParameters(settings.properties()));
        if (suites != null) {
            notes.addAll(suites.notHonoured());
            suites.configurationParameters().forEach(configurationParameters::putIfAbsent);
        }
        parallelNote = testNg != null ? testNg.note()
                : junit != null ? provider.label() + " tests run on Surefire's own provider "
                        + ProviderResolver.surefireVersion() + " in the workers"
                        + (inherited.forcedProvider() != null ? ", as the plugin's dependencies ask" : "")
                        + junitParallelNote()
                : parallel(artifacts, notes);
        if (provider.kind() == ProviderChoice.Kind.JUNIT4 && settings.parallelism().runsInParallel()) {
            notes.add("parallel=" + settings.parallel().trim() + ": JUnit older than 4.7 runs on Surefire's JUnit 4"
                    + " provider, which ignores it, as under Surefire");
        } else if (provider.kind() != ProviderChoice.Kind.JUNIT47 && settings.parallelism().tuned()) {
            notes.add("threadCountSuites/Classes/Methods, useUnlimitedThreads, parallelTestsTimeout*: only Surefire's"
                    + " JUnit 4.7 provider takes them (JUnit 4.7+ with parallel or groups); " + SurefireSettings.PARALLEL);
        }
        if (providerRun == null && !SurefireRules.providerProperties(settings.properties()).isEmpty()) {
            notes.add("properties " + String.join(", ", SurefireRules.providerProperties(settings.properties()))
                    + ": provider properties are not passed on; only configurationParameters reach the JUnit Platform");
        }
        notHonoured = List.copyOf(notes);
    }

    /** The workers' JVM arguments: argLine after late replacement, {@code -ea} first as Surefire's enableAssertions. */
    public List<String> jvmArguments() {
        return jvmArguments;
    }

    /** The workers' system properties, later sources winning, promoted {@code -D} properties last. */
    public Map<String, String> systemProperties() {
        return systemProperties;
    }

    /** The provider Surefire would choose from the test class path. */
    public ProviderChoice provider() {
        return provider;
    }

    /** Surefire's own provider to run in the workers, or {@code null} for the JUnit Platform. */
    public ProviderRun providerRun() {
        return providerRun;
    }

    /** The test units to run (classes, or one unit of TestNG suites). */
    public List<TestUnit> units() {
        return units;
    }

    /** The JUnit Platform's configuration parameters. */
    public Map<String, String> configurationParameters() {
        return configurationParameters;
    }

    /** Tag expressions a test must match ({@code groups}). */
    public List<String> includeTags() {
        return commaList(settings.groups());
    }

    /** Tag expressions that exclude a test ({@code excludedGroups}). */
    public List<String> excludeTags() {
        return commaList(settings.excludedGroups());
    }

    /** One line per group of settings distest does not honour, with what it does instead. */
    public List<String> notHonoured() {
        return notHonoured;
    }

    /** The info line saying what this execution inherited and what replaces the rest. */
    public InheritanceLine inheritanceLine(String executionId, List<String> specs, boolean reuseForks) {
        return new InheritanceLine(executionId, plugin, inherited, argLine, settings.includes(), settings.excludes(),
                Stream.of(settings.includesFile(), settings.excludesFile()).filter(f -> f != null)
                        .map(f -> f.getFileName().toString()).toList(),
                suites == null ? null : suites.configurationParameters().keySet(), configuredSystemProperties,
                promotedUserProperties, specs, reuseForks, parallelNote);
    }

    private static List<String> jvmArguments(String line, boolean enableAssertions, List<String> notHonoured) {
        if (!SurefireRules.lateExpressions(line).isEmpty()) {
            notHonoured.add("argLine " + String.join(", ", SurefireRules.lateExpressions(line)) + ": no such project"
                    + " property; passed on as it is, as Surefire does");
        }
        List<String> arguments = new ArrayList<>(Arguments.split(line));
        if (SurefireRules.assertionsEnabled(enableAssertions, arguments)) {
            arguments.add(0, "-ea");
        }
        return List.copyOf(arguments);
    }

    private static Properties readSystemPropertiesFile(Path file) {
        try {
            return SurefireRules.load(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read systemPropertiesFile " + file + ": " + e, e);
        }
    }

    /**
     * Surefire's JUnit 4.7, JUnit 4 or JUnit 3 provider for a project Surefire would run with it, with Surefire's
     * {@code properties} (a {@code listener}, …) and, for JUnit 4.7, the parallel settings and groups, as its provider
     * properties. The provider re-runs failing tests itself ({@code rerunFailingTestsCount}), as in Surefire's fork.
     * {@code null} for other projects.
     */
    private ProviderRun junitProvider() {
        ProviderChoice.Kind kind = provider.kind();
        if (kind != ProviderChoice.Kind.JUNIT3 && kind != ProviderChoice.Kind.JUNIT4 && kind != ProviderChoice.Kind.JUNIT47) {
            return null;
        }
        Map<String, String> providerProperties = new LinkedHashMap<>();
        Properties properties = settings.properties();
        if (properties != null) {
            properties.stringPropertyNames().forEach(name -> providerProperties.put(name, properties.getProperty(name)));
        }
        if (kind == ProviderChoice.Kind.JUNIT47) {
            providerProperties.putAll(JUnitCoreProperties.of(settings.parallelism(), settings.groups(),
                    settings.excludedGroups()));
        }
        return new ProviderRun(provider.providerClass(), providerProperties, List.of(), null,
                settings.rerunFailingTestsCount());
    }

    /** What the JUnit 4.7 provider does with {@code parallel} inside each worker, for the inheritance line. */
    private String junitParallelNote() {
        Parallelism parallelism = settings.parallelism();
        if (provider.kind() != ProviderChoice.Kind.JUNIT47 || !parallelism.runsInParallel()) {
            return "";
        }
        return " (parallel=" + parallelism.parallel().trim() + " inside each worker)";
    }

    /** Surefire's TestNG provider, with the provider properties Surefire would give it. */
    private TestNgProvider testNgProvider() {
        List<Path> suiteFiles = settings.suiteXmlFiles() == null || settings.hasTestFilter() ? List.of()
                : settings.suiteXmlFiles().stream().map(Path::toAbsolutePath).toList();
        return TestNgProvider.of(provider, settings.properties(), settings.groups(), settings.excludedGroups(),
                settings.parallel(), settings.threadCount(), settings.testClassesDirectory(), suiteFiles,
                settings.workingDirectory());
    }

    /** With suiteXmlFiles and no -Dtest, the suites say what runs (as in Surefire); else {@code null}. */
    private TestNgSuites.Selection suiteSelection() {
        if (settings.suiteXmlFiles() == null || settings.suiteXmlFiles().isEmpty() || settings.hasTestFilter()) {
            return null;
        }
        try {
            return TestNgSuites.select(settings.suiteXmlFiles(), settings.testClassesDirectory());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read suiteXmlFiles: " + e.getMessage(), e);
        }
    }

    /**
     * The test classes Surefire (or Failsafe) of the project's version would select: its default includes/excludes
     * when none are configured, from testClassesDirectory and the jars of dependenciesToScan.
     */
    private List<TestUnit> selectTests(Collection<Artifact> artifacts) {
        String version = inherited.version();
        List<String> include = patterns(settings.includes(), settings.includesFile());
        List<String> exclude = patterns(settings.excludes(), settings.excludesFile());
        List<String> methodFilters = settings.hasTestFilter() ? List.of() : SurefireRules.methodFilters(version,
                settings.includes(), settings.excludes(), patterns(null, settings.includesFile()),
                patterns(null, settings.excludesFile()));
        try {
            return TestSelection.select(settings.testClassesDirectory(),
                    TestClasspath.toScan(artifacts, settings.dependenciesToScan(), version),
                    include.isEmpty() ? plugin.defaultIncludes(version) : include,
                    exclude.isEmpty() ? SurefireRules.defaultExcludes(version) : exclude, settings.test(),
                    methodFilters);
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException("cannot scan dependenciesToScan " + settings.dependenciesToScan() + ": "
                    + e.getCause().getMessage(), e);
        }
    }

    /** Configured patterns plus those of Surefire's includesFile / excludesFile. */
    private static List<String> patterns(List<String> configured, Path file) {
        List<String> patterns = new ArrayList<>(configured == null ? List.of() : configured);
        if (file != null) {
            try {
                patterns.addAll(SurefireRules.patternFile(file));
            } catch (IOException e) {
                throw new IllegalArgumentException("Failed to load list from file: " + file.toFile() + " (" + e + ")", e);
            }
        }
        return patterns;
    }

    /**
     * Surefire's parallel/threadCount: the TestNG engine's own parameters for TestNG, else not honoured.
     *
     * @return what the log says about it, or {@code null}
     */
    private String parallel(Collection<Artifact> artifacts, List<String> notes) {
        String parallel = settings.parallel();
        if (parallel == null || parallel.isBlank() || "none".equals(parallel.trim())) {
            return null;
        }
        Integer threadCount = settings.threadCount();
        String setting = "parallel=" + parallel.trim() + (threadCount != null ? ", threadCount=" + threadCount : "");
        boolean testNg = artifacts.stream()
                .anyMatch(a -> (a.getGroupId() + ":" + a.getArtifactId()).equals(JUnitPlatformArtifacts.TESTNG));
        if (!testNg) {
            notes.add(setting + ": " + SurefireSettings.PARALLEL);
            return null;
        }
        configurationParameters.putIfAbsent("testng.parallel", parallel.trim());
        if (threadCount != null) {
            configurationParameters.putIfAbsent("testng.threadCount", String.valueOf(threadCount));
        }
        return setting + " passed to the TestNG engine (testng.parallel), in effect inside each worker";
    }

    private static List<String> commaList(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return List.of(value.trim().split("\\s*,\\s*"));
    }
}
