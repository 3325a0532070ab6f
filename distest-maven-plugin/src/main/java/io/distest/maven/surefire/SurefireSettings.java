package io.distest.maven.surefire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.descriptor.Parameter;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.component.configurator.expression.ExpressionEvaluationException;
import org.codehaus.plexus.component.configurator.expression.ExpressionEvaluator;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * What a distest execution inherits from the Surefire execution it stands in for: the one with the same id (a
 * taken-over execution keeps its id), else {@code default-test} (the command-line goal, {@code default-cli}). The
 * Surefire configuration read here is the project model's, so plugin-level, execution-level, parent and
 * {@code pluginManagement} configuration are already merged into it; its {@code ${…}} expressions are left for the
 * caller's evaluator, as Maven leaves them for a mojo's.
 *
 * <p>Every child of that configuration is accounted for: inherited (a same-named distest parameter takes it),
 * replaced ({@code forkCount}: the tx specs), without meaning for distest (never mentioned), or not honoured (listed
 * with what distest does instead). Settings configured on distest itself win; map-valued ones merge key by key.
 */
public final class SurefireSettings {
    static final String SUREFIRE = "org.apache.maven.plugins:maven-surefire-plugin";

    /** Surefire parameters that distest's test goal has under the same name and meaning. */
    static final Set<String> INHERITED = Set.of("argLine", "includes", "excludes", "includesFile", "excludesFile",
            "test", "groups", "excludedGroups", "systemPropertyVariables", "systemProperties", "systemPropertiesFile",
            "promoteUserPropertiesToSystemProperties", "environmentVariables", "workingDirectory",
            "classpathDependencyExcludes", "classpathDependencyScopeExclude", "additionalClasspathElements",
            "testClassesDirectory", "classesDirectory", "testFailureIgnore", "skip", "skipTests", "skipExec",
            "reportsDirectory", "reportNameSuffix", "redirectTestOutputToFile", "trimStackTrace",
            "rerunFailingTestsCount", "skipAfterFailureCount", "failOnFlakeCount", "forkedProcessTimeoutInSeconds",
            "failIfNoTests", "failIfNoSpecifiedTests", "properties",
            "reuseForks", "enableAssertions", "suiteXmlFiles", "parallel", "threadCount", "dependenciesToScan",
            "excludedEnvironmentVariables", "includeJUnit5Engines", "excludeJUnit5Engines", "perCoreThreadCount",
            "useUnlimitedThreads", "threadCountSuites", "threadCountClasses", "threadCountMethods",
            "parallelTestsTimeoutInSeconds", "parallelTestsTimeoutForcedInSeconds", "parallelOptimized");

    /** Failsafe's settings distest's integration-test goal takes: Surefire's, plus Failsafe's own. */
    static final Set<String> FAILSAFE_INHERITED = union(INHERITED, Set.of("summaryFile", "skipITs"));

    /** Map-valued settings: configured on both sides they merge key by key, distest's keys winning. */
    static final Set<String> MERGED = Set.of("systemPropertyVariables", "systemProperties", "environmentVariables",
            "properties");

    /** Surefire parameters that mean nothing once tests run on distest's workers (or only tune a warned one). */
    static final Set<String> WITHOUT_MEANING = Set.of("forkCount", "testSourceDirectory", "tempDir",
            "enableProcessChecker", "useManifestOnlyJar", "useModulePath", "childDelegation");

    /** A Surefire setting distest does not honour, when its value makes a difference. */
    private record NotHonoured(String property, Predicate<String> matters, String instead) {}

    private static final Predicate<String> SET = value -> true;
    public static final String PARALLEL = "Surefire's in-JVM parallel runs: each worker runs one test class at a time"
            + " and the workers run in parallel (for JUnit Jupiter, set junit.jupiter.execution.parallel.* in"
            + " <properties><configurationParameters>)";
    private static final String REPORTS = "distest writes Surefire's default reports (brief console lines, a"
            + " TEST-*.xml with output and properties, UTF-8)";
    private static final String RUN_ORDER = "test classes are handed out in class-name order (longest first with"
            + " a durations history), each to the next free worker";
    private static final String LIFETIME = "distest starts and stops its worker JVMs itself";
    private static final String ENGINES = "distest picks the provider from the test class path as Surefire does"
            + " without one: the JUnit Platform (adding the launcher and an engine when missing), else Surefire's own"
            + " TestNG, JUnit 4 or JUnit 3 provider";

    private static final Map<String, NotHonoured> NOT_HONOURED = new LinkedHashMap<>();

    static {
        notHonoured("forkMode", "forkMode", SET, "the tx specs decide the worker JVMs (reuseForks=false gives every"
                + " test class a fresh one)");
        notHonoured("forkNode", "surefire.forkNode", SET, "distest's workers talk to the build over their own"
                + " connection (loopback TCP, or an ssh tunnel)");
        notHonoured("jvm", "jvm", SET, "the tx spec's //java= chooses the java (popen default: this build's java)");
        notHonoured("jdkToolchain", null, SET, "the tx spec's //java= chooses the java (popen default: this build's java)");
        notHonoured("debugForkedProcess", "maven.surefire.debug", SET, "workers are not started for a debugger: put"
                + " the -agentlib:jdwp=… agent in a tx spec's //jvmArgs=");
        notHonoured("forkedProcessExitTimeoutInSeconds", "surefire.exitTimeout", SET, LIFETIME);
        notHonoured("shutdown", "surefire.shutdown", SET, LIFETIME);
        notHonoured("runOrder", "surefire.runOrder", value -> !"filesystem".equals(value), RUN_ORDER);
        notHonoured("runOrderRandomSeed", "surefire.runOrder.random.seed", SET, RUN_ORDER);
        notHonoured("additionalClasspathDependencies", "maven.test.additionalClasspathDependencies", SET,
                "not added to the test class path; declare them as test dependencies");
        notHonoured("junitArtifactName", "junitArtifactName", value -> !"junit:junit".equals(value), ENGINES);
        notHonoured("testNGArtifactName", "testNGArtifactName", value -> !"org.testng:testng".equals(value), ENGINES);
        notHonoured("objectFactory", "objectFactory", SET, "TestNG's default object factory creates test instances");
        notHonoured("useSystemClassLoader", "surefire.useSystemClassLoader", "false"::equalsIgnoreCase,
                "the test class path is on the worker's system class loader");
        notHonoured("printSummary", "surefire.printSummary", "false"::equalsIgnoreCase, REPORTS);
        notHonoured("reportFormat", "surefire.reportFormat", value -> !"brief".equals(value), REPORTS);
        notHonoured("useFile", "surefire.useFile", "false"::equalsIgnoreCase, REPORTS);
        notHonoured("disableXmlReport", "disableXmlReport", "true"::equalsIgnoreCase, REPORTS);
        notHonoured("enableOutErrElements", "enableOutErrElements", "false"::equalsIgnoreCase, REPORTS);
        notHonoured("enablePropertiesElement", "enablePropertiesElement", "false"::equalsIgnoreCase, REPORTS);
        notHonoured("encoding", "surefire.encoding", value -> !"UTF-8".equalsIgnoreCase(value), REPORTS);
        notHonoured("statelessTestsetReporter", null, SET, REPORTS);
        notHonoured("consoleOutputReporter", null, SET, REPORTS);
        notHonoured("statelessTestsetInfoReporter", null, SET, REPORTS);
    }

    private static void notHonoured(String name, String property, Predicate<String> matters, String instead) {
        NOT_HONOURED.put(name, new NotHonoured(property, matters, instead));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    private final String source;
    private final Xpp3Dom inherited;
    private final List<String> overridden;
    private final String forkCount;
    private final List<String> notHonoured;
    private final String version;
    private final ProviderChoice.Kind forcedProvider;

    private SurefireSettings(String source, Xpp3Dom inherited, List<String> overridden, String forkCount,
            List<String> notHonoured, String version, ProviderChoice.Kind forcedProvider) {
        this.source = source;
        this.inherited = inherited;
        this.overridden = List.copyOf(overridden);
        this.forkCount = forkCount;
        this.notHonoured = List.copyOf(notHonoured);
        this.version = version;
        this.forcedProvider = forcedProvider;
    }

    /**
     * @param distestExecutionId the id of the distest execution that runs
     * @param distestConfiguration distest's own configuration of that execution in the model, or {@code null}
     * @param own the distest parameters configured on distest itself (see {@link #ownSettings})
     * @param evaluator evaluates {@code ${…}} expressions as Maven does for a mojo (display and property look-ups)
     */
    public static SurefireSettings read(MavenProject project, String distestExecutionId, Xpp3Dom distestConfiguration,
            Set<String> own, ExpressionEvaluator evaluator) {
        return read(project, TestPlugin.SUREFIRE, distestExecutionId, distestConfiguration, own, evaluator);
    }

    /**
     * As {@link #read(MavenProject, String, Xpp3Dom, Set, ExpressionEvaluator)}, from the execution of {@code plugin}
     * the distest execution stands in for (see {@link TestPlugin#execution}).
     */
    public static SurefireSettings read(MavenProject project, TestPlugin plugin, String distestExecutionId,
            Xpp3Dom distestConfiguration, Set<String> own, ExpressionEvaluator evaluator) {
        Plugin surefire = project.getPlugin(plugin.key());
        Xpp3Dom configuration = null;
        String source = null;
        if (surefire != null) {
            PluginExecution execution = plugin.execution(surefire, distestExecutionId);
            configuration = (Xpp3Dom) (execution != null ? execution.getConfiguration() : surefire.getConfiguration());
            source = plugin.displayName() + "'s " + (execution != null ? execution.getId() : "plugin-level")
                    + " configuration";
        }
        Set<String> inheritable = plugin == TestPlugin.FAILSAFE ? FAILSAFE_INHERITED : INHERITED;
        Xpp3Dom inherited = new Xpp3Dom("configuration");
        List<String> overridden = new ArrayList<>();
        Map<String, List<String>> notHonoured = new LinkedHashMap<>(); // instead -> settings
        List<String> unknown = new ArrayList<>();
        Set<String> configured = new LinkedHashSet<>();
        for (Xpp3Dom child : configuration == null ? new Xpp3Dom[0] : configuration.getChildren()) {
            String name = child.getName();
            configured.add(name);
            if (inheritable.contains(name)) {
                if (!own.contains(name)) {
                    inherited.addChild(new Xpp3Dom(child));
                } else if (MERGED.contains(name) && distestConfiguration != null
                        && distestConfiguration.getChild(name) != null) {
                    inherited.addChild(Xpp3Dom.mergeXpp3Dom(new Xpp3Dom(distestConfiguration.getChild(name)),
                            new Xpp3Dom(child)));
                    overridden.add(name + " (merged, distest's entries win)");
                } else {
                    overridden.add(name);
                }
            } else if (NOT_HONOURED.containsKey(name)) {
                NotHonoured rule = NOT_HONOURED.get(name);
                boolean structured = child.getChildCount() > 0 || child.getAttributeNames().length > 0;
                String value = structured ? null : text(evaluator, child.getValue());
                if (value == null && !structured) {
                    continue; // an empty element: not set
                }
                if (value == null || rule.matters().test(value)) {
                    notHonoured.computeIfAbsent(rule.instead(), k -> new ArrayList<>())
                            .add(value == null ? name : name + "=" + value);
                }
            } else if (!WITHOUT_MEANING.contains(name)) {
                unknown.add(name);
            }
        }
        // settings Surefire would take from a property (-Dparallel=methods, <properties><forkCount>)
        NOT_HONOURED.forEach((name, rule) -> {
            String property = plugin.property(rule.property());
            if (property != null && !configured.contains(name)) {
                String value = text(evaluator, "${" + property + "}");
                if (value != null && rule.matters().test(value)) {
                    notHonoured.computeIfAbsent(rule.instead(), k -> new ArrayList<>()).add(name + "=" + value
                            + " (property " + property + ")");
                }
            }
        });
        String forkCount = configuration == null || configuration.getChild("forkCount") == null
                ? text(evaluator, "${forkCount}") : text(evaluator, configuration.getChild("forkCount").getValue());

        List<String> lines = new ArrayList<>();
        notHonoured.forEach((instead, settings) -> lines.add(String.join(", ", settings) + ": " + instead));
        List<Dependency> dependencies = surefire == null ? List.of() : surefire.getDependencies();
        List<String> others = dependencies.stream().filter(d -> !ProviderChoice.isProvider(key(d)))
                .map(SurefireSettings::coordinates).toList();
        if (!others.isEmpty()) {
            lines.add("plugin dependencies of " + plugin.artifactId() + " (" + String.join(", ", others) + "): not"
                    + " used; " + ENGINES);
        }
        if (!unknown.isEmpty()) {
            lines.add(String.join(", ", unknown) + ": not a " + plugin.displayName() + " setting distest knows; ignored");
        }
        return new SurefireSettings(source, inherited, overridden, forkCount, lines,
                surefire == null ? null : surefire.getVersion(),
                ProviderChoice.forcedBy(dependencies.stream().map(SurefireSettings::key).toList()));
    }

    /**
     * The Surefire-named settings configured on distest itself: children of its POM configuration for this execution
     * (or its plugin-level configuration, as the command-line goal gets it), and parameters whose own
     * {@code distest.*} property is set.
     *
     * @param distestConfiguration the distest execution's (or plugin's) configuration in the model, or {@code null}
     * @param parameters the test goal's parameters
     */
    public static Set<String> ownSettings(Xpp3Dom distestConfiguration, Collection<Parameter> parameters,
            ExpressionEvaluator evaluator) {
        Set<String> own = new LinkedHashSet<>();
        if (distestConfiguration != null) {
            for (Xpp3Dom child : distestConfiguration.getChildren()) {
                own.add(child.getName());
            }
        }
        for (Parameter parameter : parameters) {
            String expression = parameter.getExpression();
            if (expression != null && expression.startsWith("${distest.") && INHERITED.contains(parameter.getName())
                    && text(evaluator, expression) != null) {
                own.add(parameter.getName());
            }
        }
        return own;
    }

    /** The model configuration of a plugin's execution, or the plugin-level one when there is no such execution. */
    public static Xpp3Dom modelConfiguration(Plugin plugin, String executionId) {
        if (plugin == null) {
            return null;
        }
        PluginExecution execution = plugin.getExecutionsAsMap().get(executionId);
        return (Xpp3Dom) (execution != null ? execution.getConfiguration() : plugin.getConfiguration());
    }

    /** Where the settings come from ({@code Surefire's default-test configuration}), or {@code null} without Surefire. */
    public String source() {
        return source;
    }

    /**
     * The Surefire configuration children distest takes, unevaluated, to be applied over the mojo's own values;
     * map-valued ones configured on both sides already merged with distest's entries.
     */
    public Xpp3Dom inherited() {
        return inherited;
    }

    /** The names of the inherited settings, in configuration order. */
    public List<String> inheritedNames() {
        return Arrays.stream(inherited.getChildren()).map(Xpp3Dom::getName).toList();
    }

    /** Settings Surefire configures that distest's own configuration replaced. */
    public List<String> overridden() {
        return overridden;
    }

    /** Surefire's forkCount (configured or by property), or {@code null}: replaced by the tx specs either way. */
    public String forkCount() {
        return forkCount;
    }

    /**
     * The version of maven-surefire-plugin the project uses (declared, or bound by Maven's default lifecycle), or
     * {@code null} when it has none: selection defaults follow it.
     */
    public String version() {
        return version;
    }

    /** One line per group of settings distest does not honour: the settings and what distest does instead. */
    public List<String> notHonoured() {
        return notHonoured;
    }

    /** The provider a plugin dependency of the plugin forces (e.g. {@code surefire-junit47}), or {@code null}. */
    public ProviderChoice.Kind forcedProvider() {
        return forcedProvider;
    }

    private static String key(Dependency dependency) {
        return dependency.getGroupId() + ":" + dependency.getArtifactId();
    }

    private static String coordinates(Dependency dependency) {
        return dependency.getGroupId() + ":" + dependency.getArtifactId() + ":" + dependency.getVersion();
    }

    /** The evaluated text, or {@code null} when blank or unresolvable. */
    static String text(ExpressionEvaluator evaluator, String raw) {
        if (raw == null) {
            return null;
        }
        Object value;
        try {
            value = evaluator.evaluate(raw);
        } catch (ExpressionEvaluationException e) {
            value = raw;
        }
        if (value == null) {
            return null;
        }
        String text = String.valueOf(value).trim();
        return text.isEmpty() ? null : text;
    }
}
