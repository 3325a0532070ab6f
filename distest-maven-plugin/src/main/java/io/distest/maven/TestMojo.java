package io.distest.maven;

import io.distest.maven.failsafe.FailsafeDefaults;
import io.distest.maven.gateway.WorkerJar;
import io.distest.maven.gateway.ssh.SshOptions;
import io.distest.maven.gateway.ssh.SshjConfig;
import io.distest.maven.run.DistestException;
import io.distest.maven.affected.AffectedTests;
import io.distest.maven.affected.BuildInputs;
import io.distest.maven.run.DistestRunner;
import io.distest.maven.run.RunSummary;
import io.distest.maven.schedule.TestUnit;
import io.distest.maven.settings.Dist;
import io.distest.maven.settings.JvmSettings;
import io.distest.maven.settings.ProviderRun;
import io.distest.maven.settings.RemoteSettings;
import io.distest.maven.settings.ReportOptions;
import io.distest.maven.settings.RunRequest;
import io.distest.maven.settings.SpeedOptions;
import io.distest.maven.settings.SyncSettings;
import io.distest.maven.settings.TestFilters;
import io.distest.maven.settings.WorkerPolicy;
import io.distest.maven.slice.Slice;
import io.distest.maven.slice.SliceJob;
import io.distest.maven.slice.SliceShare;
import io.distest.maven.surefire.EngineResolver;
import io.distest.maven.surefire.PlatformRules;
import io.distest.maven.surefire.Parallelism;
import io.distest.maven.surefire.ProviderChoice;
import io.distest.maven.surefire.ReportNaming;
import io.distest.maven.surefire.ProviderResolver;
import io.distest.maven.surefire.SurefireSettings;
import io.distest.maven.surefire.SurefireTakeover;
import io.distest.maven.surefire.SurefireTranslation;
import io.distest.maven.surefire.TestClasspath;
import io.distest.maven.surefire.TestPlugin;
import io.distest.maven.surefire.TestSettings;
import io.distest.maven.surefire.TxActivation;
import io.distest.maven.timeline.TimelineObserver;
import io.distest.maven.timeline.TimelinePage;
import io.distest.maven.tx.Transport;
import io.distest.maven.tx.TxSpec;
import io.distest.maven.tx.TxSpecException;
import io.distest.maven.tx.TxSpecs;
import io.distest.protocol.Protocol;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.PluginParameterExpressionEvaluator;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.component.configurator.ComponentConfigurationException;
import org.codehaus.plexus.component.configurator.ComponentConfigurator;
import org.codehaus.plexus.configuration.xml.XmlPlexusConfiguration;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;

/**
 * Runs the module's tests on the gateways named by {@code distest.tx} / {@code distest.n}, reported as Surefire
 * would. At the start it takes the configuration of the Surefire execution it stands in for (the one with its id,
 * else {@code default-test}), as {@link SurefireSettings} reads it, into its parameters of the same names, with
 * Maven's own configurator; what is configured on distest itself stays. Take-over and command-line goal alike.
 */
@Mojo(name = "test", defaultPhase = LifecyclePhase.TEST, requiresDependencyResolution = ResolutionScope.TEST,
        threadSafe = true)
public class TestMojo extends AbstractMojo {

    /** Gateways, one tx spec each ({@code 3*popen}, {@code popen//java=/opt/jdk/bin/java}); {@code -Ddistest.tx=a,b} adds to them. */
    @Parameter
    private List<String> tx = new ArrayList<>();

    /** Shorthand for {@code N*popen}: a number, or {@code auto} for one worker per available processor. */
    @Parameter(property = "distest.n")
    private String n;

    /**
     * How tests are spread: {@code load} (a shared queue), {@code each} (every test on every tx spec, each spec a
     * platform with its own reports) or {@code no} (one local worker).
     */
    @Parameter(property = "distest.dist", defaultValue = "load")
    private String dist;

    /** How many crashed workers are replaced before the run gives up; default: 4 per worker. */
    @Parameter(property = "distest.maxWorkerRestart")
    private Integer maxWorkerRestart;

    /** Surefire's {@code reuseForks}: {@code false} runs every test class in a fresh worker JVM. */
    @Parameter(property = "reuseForks", defaultValue = "true")
    private boolean reuseForks;

    /** Seconds a test may run; past it the test errs with a thread dump of its worker, which is replaced. 0: no limit. */
    @Parameter(property = "distest.timeout", defaultValue = "0")
    private int timeout;

    /** Seconds the whole run may take (Surefire's {@code forkedProcessTimeoutInSeconds}); 0: no limit. */
    @Parameter(property = "surefire.timeout", defaultValue = "0")
    private int forkedProcessTimeoutInSeconds;

    /** Run a remote gateway's share on local workers when it cannot be reached at start. */
    @Parameter(property = "distest.fallbackToLocal", defaultValue = "false")
    private boolean fallbackToLocal;

    /** Run a failing test again up to this many times; one that then passes is reported as a flake. */
    @Parameter(property = "surefire.rerunFailingTestsCount", defaultValue = "0")
    private int rerunFailingTestsCount;

    /** Fail the build once this many flakes happened; 0: flakes never fail the build. */
    @Parameter(property = "surefire.failOnFlakeCount", defaultValue = "0")
    private int failOnFlakeCount;

    /** After this many failures no new test class starts; the rest are reported as skipped. 0: never. */
    @Parameter(property = "surefire.skipAfterFailureCount", defaultValue = "0")
    private int skipAfterFailureCount;

    /** Seconds a worker JVM may take from start to connecting back. */
    @Parameter(property = "distest.startTimeout", defaultValue = "60")
    private int startTimeout;

    /** Directories (relative to the module) sent to remote gateways besides the class path and {@code src}. */
    @Parameter(property = "distest.rsyncDirs")
    private List<String> rsyncDirs = new ArrayList<>();

    /** Glob patterns, relative to each synced directory, of files never sent ({@code **}{@code /*.log}). */
    @Parameter(property = "distest.rsyncIgnores")
    private List<String> rsyncIgnores = new ArrayList<>();

    /** The token of socket worker servers; default: {@code $DISTEST_TOKEN}. Never logged. */
    @Parameter(property = "distest.token")
    private String token;

    /** The OpenSSH client config ssh gateways read (HostName, User, Port, IdentityFile). */
    @Parameter(property = "distest.ssh.config", defaultValue = "${user.home}/.ssh/config")
    private File sshConfig;

    /** The known_hosts file ssh host keys are checked against. */
    @Parameter(property = "distest.ssh.knownHosts", defaultValue = "${user.home}/.ssh/known_hosts")
    private File knownHosts;

    /** Private keys tried after the config's IdentityFile entries; default the usual ~/.ssh/id_* keys. */
    @Parameter(property = "distest.ssh.identities")
    private List<File> sshIdentities = new ArrayList<>();

    /** Append an unknown ssh host's key to known_hosts and go on (a changed key is never accepted). */
    @Parameter(property = "distest.ssh.acceptNewHostKeys", defaultValue = "false")
    private boolean acceptNewHostKeys;

    /** Seconds the worker server an ssh build starts stays, idle, for the next build to attach to; 0: none. */
    @Parameter(property = "distest.ssh.linger", defaultValue = "300")
    private int sshLinger;

    /** Extra JVM arguments for every test JVM, as Surefire's {@code argLine}. */
    @Parameter(property = "argLine")
    private String argLine;

    /** System properties for the test JVMs, as Surefire's {@code systemPropertyVariables}. */
    @Parameter
    private Map<String, String> systemPropertyVariables = Map.of();

    /** Environment variables for the test JVMs, as Surefire's {@code environmentVariables}. */
    @Parameter
    private Map<String, String> environmentVariables = Map.of();

    /** The test JVMs' working directory (default: the module's base directory). */
    @Parameter(property = "distest.workingDirectory", defaultValue = "${basedir}")
    private File workingDirectory;

    /** Test class patterns to run (Surefire's {@code includes}; default {@code **}{@code /Test*.java} and friends). */
    @Parameter
    private List<String> includes;

    /** Test class patterns not to run (Surefire's {@code excludes}; default: inner classes). */
    @Parameter
    private List<String> excludes;

    /** Surefire's {@code -Dtest=}: class patterns, {@code Class#method}, {@code !} exclusions; replaces includes/excludes. */
    @Parameter(property = "test")
    private String test;

    /** JUnit Platform tag expressions a test must match (Surefire's {@code groups}), comma-separated. */
    @Parameter(property = "groups")
    private String groups;

    /** JUnit Platform tag expressions that exclude a test (Surefire's {@code excludedGroups}), comma-separated. */
    @Parameter(property = "excludedGroups")
    private String excludedGroups;

    /** Fail when there are no tests to run. */
    @Parameter(property = "failIfNoTests", defaultValue = "false")
    private boolean failIfNoTests;

    /** Fail when {@code -Dtest=} matches no test. */
    @Parameter(property = "surefire.failIfNoSpecifiedTests", defaultValue = "true")
    private boolean failIfNoSpecifiedTests;

    /** Report test failures but let the build pass. */
    @Parameter(property = "maven.test.failure.ignore", defaultValue = "false")
    private boolean testFailureIgnore;

    /** Skip running tests (they are still compiled). */
    @Parameter(property = "skipTests", defaultValue = "false")
    private boolean skipTests;

    /** Skip tests altogether, as {@code maven.test.skip}. */
    @Parameter(property = "maven.test.skip", defaultValue = "false")
    private boolean skip;

    /** Skip running tests, as the deprecated {@code maven.test.skip.exec}. */
    @Parameter(property = "maven.test.skip.exec", defaultValue = "false")
    private boolean skipExec;

    /** Where {@code TEST-*.xml} reports go. */
    @Parameter(property = "distest.reportsDirectory", defaultValue = "${project.build.directory}/surefire-reports")
    private File reportsDirectory;

    /** Where the compiled test classes are. */
    @Parameter(property = "distest.testClassesDirectory", defaultValue = "${project.build.testOutputDirectory}")
    private File testClassesDirectory;

    /** Trim stack traces in reports to the test's own frames. */
    @Parameter(property = "trimStackTrace", defaultValue = "false")
    private boolean trimStackTrace;

    /** Send test output to {@code *-output.txt} files instead of the console. */
    @Parameter(property = "maven.test.redirectTestOutputToFile", defaultValue = "false")
    private boolean redirectTestOutputToFile;

    /**
     * The test durations history: {@code true} plans each run with {@code historyFile} (longest classes first, long
     * classes split) and updates it afterwards; {@code read} only plans with it (a committed file in CI);
     * {@code false} ignores it.
     */
    @Parameter(property = "distest.history", defaultValue = "true")
    private String history;

    /**
     * Write the run's timeline: {@code target/distest/timeline.html}, a self-contained page with one lane per worker
     * (connect, sync, JVM start-up, each unit coloured by outcome), and its data, {@code run.json}. An execution
     * other than the default one writes {@code timeline-<execution id>.html} and {@code run-<execution id>.json}.
     */
    @Parameter(property = "distest.timeline", defaultValue = "true")
    private boolean timeline;

    /** Where test durations are kept between runs; outside {@code target} so that {@code mvn clean} keeps it. */
    @Parameter(property = "distest.historyFile", defaultValue = "${project.basedir}/.distest/durations.tsv")
    private File historyFile;

    /**
     * {@code auto}: a class expected to take longer than its fair share of the run is split by method across
     * workers, unless its methods depend on each other (ordered, one shared instance); {@code never}.
     */
    @Parameter(property = "distest.splitClasses", defaultValue = "auto")
    private String splitClasses;

    /**
     * Start only the workers that the tests can pay for: with a durations history that knows every selected class, a
     * {@code dist=load} run starts {@code min(requested, max(1, floor(expected test seconds / this)))} workers
     * (from the last tx spec backwards), since each extra JVM's start-up and warm-up cost more than a short suite
     * gains. {@code 0} starts every worker.
     */
    @Parameter(property = "distest.minTestSecondsPerWorker", defaultValue = "3")
    private double minTestSecondsPerWorker;

    /**
     * Run only this CI job's share of the selected test classes: {@code K/N} (the K-th of N slices, from 1), or
     * {@code auto} for the CI's parallel-job variables (GitLab, CircleCI, Buildkite, Azure; GitLab's are read even
     * when this is unset; {@code none} runs every test whatever they say). Every job computes the same plan from the class names, the durations history and N, and
     * writes it to {@code target/distest/} for the {@code merge} goal. Alone, it takes over Surefire on one local
     * worker per core.
     */
    @Parameter(property = "distest.slice")
    private String slice;

    /**
     * Run only the test classes a change can affect: workers record what each test class uses of the project
     * (classes and class path resources); a class whose last run passed and none of whose dependencies changed is
     * left out, as long as the class path's jars, the JDK, the JVM settings, the POMs and distest stay the same.
     * Records live in {@code .distest/affected.tsv} beside the durations history; {@code target/distest/affected.txt}
     * says why each class ran or not.
     */
    @Parameter(property = "distest.affected", defaultValue = "false")
    private boolean affected;

    /** With {@code distest.affected}: every N-th build runs every test class anyway; 0 (default): never by count. */
    @Parameter(property = "distest.affected.fullRunEvery", defaultValue = "0")
    private int affectedFullRunEvery;

    /** Test classes never split: class-name patterns ({@code com.acme.db.*}, {@code *IT}), comma-separated. */
    @Parameter(property = "distest.noSplit")
    private List<String> noSplit = new ArrayList<>();

    /** A file of test class patterns to run, one per line, added to {@code includes} (Surefire's {@code includesFile}). */
    @Parameter(property = "surefire.includesFile")
    private File includesFile;

    /** A file of test class patterns not to run, one per line, added to {@code excludes}. */
    @Parameter(property = "surefire.excludesFile")
    private File excludesFile;

    /** System properties for the test JVMs in the old {@code Properties} form (Surefire's {@code systemProperties}). */
    @Parameter
    private Properties systemProperties;

    /** A properties file of system properties for the test JVMs (Surefire's {@code systemPropertiesFile}). */
    @Parameter(property = "surefire.systemPropertiesFile")
    private File systemPropertiesFile;

    /** Pass the build's user properties ({@code -Dname=value}) to the test JVMs as system properties, as Surefire does. */
    @Parameter(defaultValue = "true")
    private boolean promoteUserPropertiesToSystemProperties;

    /** Dependencies to leave off the test class path: {@code groupId:artifactId} patterns (Surefire's). */
    @Parameter(property = "maven.test.dependency.excludes")
    private List<String> classpathDependencyExcludes;

    /** A scope whose dependencies are left off the test class path ({@code compile}, {@code runtime}, …). */
    @Parameter
    private String classpathDependencyScopeExclude;

    /** Files and directories added to the end of the test class path. */
    @Parameter(property = "maven.test.additionalClasspath")
    private List<String> additionalClasspathElements;

    /** The main classes on the test class path (Surefire's {@code classesDirectory}). */
    @Parameter(defaultValue = "${project.build.outputDirectory}")
    private File classesDirectory;

    /** Appended to report names: {@code TEST-<class>-<suffix>.xml}, for several runs into one directory. */
    @Parameter(property = "surefire.reportNameSuffix", defaultValue = "")
    private String reportNameSuffix;

    /** Run the test JVMs with assertions enabled (unless {@code argLine} says {@code -da}), as Surefire does. */
    @Parameter(property = "enableAssertions", defaultValue = "true")
    private boolean enableAssertions;

    /**
     * Surefire's {@code properties}; {@code configurationParameters} (one {@code key=value} per line) become the
     * JUnit Platform's configuration parameters.
     */
    @Parameter
    private Properties properties;

    /** TestNG suite files: the classes, packages, methods and groups they name run (Surefire's {@code suiteXmlFiles}). */
    @Parameter(property = "surefire.suiteXmlFiles")
    private List<File> suiteXmlFiles;

    /**
     * Surefire's in-JVM {@code parallel} mode, in effect inside each worker for TestNG and for JUnit 4.7+ without
     * the JUnit Platform (Surefire's JUnit 4.7 provider); not honoured on the JUnit Platform (the workers run classes
     * in parallel).
     */
    @Parameter(property = "parallel")
    private String parallel;

    /** Surefire's {@code threadCount} for {@code parallel}: TestNG's and the JUnit 4.7 provider's thread count. */
    @Parameter(property = "threadCount")
    private Integer threadCount;

    /** Surefire's JUnit 4.7 provider: thread counts are per CPU core. */
    @Parameter(property = "perCoreThreadCount", defaultValue = "true")
    private boolean perCoreThreadCount;

    /** Surefire's JUnit 4.7 provider: as many threads as there are tests. */
    @Parameter(property = "useUnlimitedThreads", defaultValue = "false")
    private boolean useUnlimitedThreads;

    /** Surefire's JUnit 4.7 provider: threads for suites. */
    @Parameter(property = "threadCountSuites", defaultValue = "0")
    private int threadCountSuites;

    /** Surefire's JUnit 4.7 provider: threads for classes. */
    @Parameter(property = "threadCountClasses", defaultValue = "0")
    private int threadCountClasses;

    /** Surefire's JUnit 4.7 provider: threads for methods. */
    @Parameter(property = "threadCountMethods", defaultValue = "0")
    private int threadCountMethods;

    /** Surefire's JUnit 4.7 provider: seconds before parallel tests are stopped (0: never). */
    @Parameter(property = "surefire.parallel.timeout")
    private double parallelTestsTimeoutInSeconds;

    /** Surefire's JUnit 4.7 provider: seconds before parallel tests are interrupted (0: never). */
    @Parameter(property = "surefire.parallel.forcedTimeout")
    private double parallelTestsTimeoutForcedInSeconds;

    /** Surefire's JUnit 4.7 provider: fewer threads where the tests are few. */
    @Parameter(property = "parallelOptimized", defaultValue = "true")
    private boolean parallelOptimized;

    /**
     * Dependencies whose test classes also run (Surefire's {@code dependenciesToScan}):
     * {@code groupId[:artifactId[:type[:classifier][:version]]]} patterns; their jars are scanned with the same
     * includes/excludes.
     */
    @Parameter(property = "dependenciesToScan")
    private List<String> dependenciesToScan;

    /** Environment variables the test JVMs do not inherit (from the build, or a remote worker server), as Surefire's. */
    @Parameter(property = "surefire.excludedEnvironmentVariables")
    private List<String> excludedEnvironmentVariables;

    /** Ids of the only JUnit Platform engines that run ({@code junit-jupiter}, …), as Surefire's. */
    @Parameter(property = "surefire.includeJUnit5Engines")
    private List<String> includeJUnit5Engines;

    /** Ids of JUnit Platform engines that do not run, as Surefire's. */
    @Parameter(property = "surefire.excludeJUnit5Engines")
    private List<String> excludeJUnit5Engines;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    private MojoExecution mojoExecution;

    @Parameter(defaultValue = "${repositorySystemSession}", readonly = true, required = true)
    private RepositorySystemSession repositorySession;

    @Component
    private RepositorySystem repositorySystem;

    /** Maven's own configurator: Surefire's settings are applied to this mojo exactly as Maven applies a POM's. */
    @Component(role = ComponentConfigurator.class, hint = "basic")
    private ComponentConfigurator configurator;

    /** Plugin-context key: the tx specs the unit tests of this module ran on in this build. */
    static final String UNIT_TESTS_RAN_ON = "distest.unitTestsRanOn";

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        SurefireSettings surefire = inheritSurefireSettings();
        if (skip || skipTests || skipExec || skipIntegrationTests()) {
            getLog().info("Tests are skipped.");
            return;
        }
        List<TxSpec> specs = specs();
        if (specs.isEmpty()) {
            return;
        }
        if (specs.stream().anyMatch(spec -> spec.transport() instanceof Transport.Ssh)) {
            SshjConfig.warmUp(); // sshj's CPU-heavy first set-up, beside the test scan
        }
        SurefireTranslation plan;
        try {
            plan = new SurefireTranslation(plugin(), settings(), surefire, project.getArtifacts(),
                    project.getProperties(), session.getUserProperties());
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        getLog().info(plan.inheritanceLine(executionId(), specs.stream().map(TxSpec::text).toList(), reuseForks).text());
        if (!plan.notHonoured().isEmpty()) {
            getLog().warn("distest: execution " + executionId() + ": " + plugin().displayName()
                    + " settings distest does not honour:\n  - " + String.join("\n  - ", plan.notHonoured()));
        }
        List<TestUnit> units = plan.units();
        ProviderRun providerRun = plan.providerRun();
        ProviderChoice provider = plan.provider();
        if (units.isEmpty()) {
            noTests();
            return;
        }
        Path workDirectory = Path.of(project.getBuild().getDirectory(), "distest");
        SliceShare share = sliceShare(units, workDirectory);
        if (share != null) {
            getLog().info("distest: " + share.logLine());
            units = share.units();
            if (units.isEmpty()) {
                noTests();
                return;
            }
        }
        try {
            List<Path> classpath = testClasspath(providerRun == null ? null : provider.providerArtifact(), provider.rules());
            Path workerJar = WorkerJar.extractTo(workDirectory);
            AffectedTests affectedTests = affected ? affectedTests(plan, specs, classpath, workerJar, workDirectory) : null;
            if (affectedTests != null) {
                units = affectedTests.select(units, partialClasses(units));
                affectedTests.removeEarlierReports(reportsDirectory.toPath());
                if (units.isEmpty()) {
                    affectedTests.finish();
                    if (share != null) {
                        sliceJob().finish(List.of(), affectedTests.notRun());
                    }
                    return;
                }
            }
            Path timelinePage = timeline
                    ? TimelinePage.of(workDirectory, mojoExecution == null ? null : mojoExecution.getExecutionId()) : null;
            RunRequest request = new RunRequest(specs, units, classpath, workerJar,
                    new JvmSettings(plan.jvmArguments(), plan.systemProperties(), environmentVariables, workingDirectory.toPath(),
                            Set.copyOf(names(excludedEnvironmentVariables)), affected),
                    new TestFilters(plan.includeTags(), plan.excludeTags(), plan.configurationParameters(),
                            names(includeJUnit5Engines),
                            names(excludeJUnit5Engines), provider.kind() == ProviderChoice.Kind.JUNIT_PLATFORM,
                            provider.rules() == PlatformRules.UNIFIED),
                    new ReportOptions(reportsDirectory.toPath(), trimStackTrace, redirectTestOutputToFile,
                            rerunFailingTestsCount, reportNameSuffix, timelinePage,
                            ReportNaming.of(surefire.version(), provider.kind())),
                    workDirectory,
                    new WorkerPolicy(maxWorkerRestart != null ? maxWorkerRestart
                            : 4 * specs.stream().mapToInt(TxSpec::count).sum(), Duration.ofSeconds(startTimeout),
                            reuseForks, Duration.ofSeconds(timeout), Duration.ofSeconds(forkedProcessTimeoutInSeconds),
                            fallbackToLocal, providerRun != null ? 0 : rerunFailingTestsCount, skipAfterFailureCount),
                    new RemoteSettings(syncSettings(), token != null ? token : System.getenv(Protocol.TOKEN_ENV),
                            sshOptions()), sliced(speedOptions(providerRun == null), share), "each".equals(dist) ? Dist.EACH : Dist.LOAD,
                    providerRun);
            RunSummary summary = DistestRunner.forTerminal(getLog(), session.getRequest().isInteractiveMode()).run(request,
                    affectedTests == null ? List.of() : List.of(affectedTests.recorder()));
            if (affectedTests != null) {
                affectedTests.finish(); // before the verdict: a failed class must run next time
            }
            if (share != null) {
                sliceJob().finish(summary.classesWithoutTests(), affectedTests == null ? List.of() : affectedTests.notRun());
            }
            @SuppressWarnings("unchecked")
            Map<Object, Object> context = getPluginContext();
            if (context != null && plugin() == TestPlugin.SUREFIRE) {
                context.put(UNIT_TESTS_RAN_ON, specs.stream().map(TxSpec::text).collect(Collectors.joining(", ")));
            }
            verdict(summary);
        } catch (DistestException | IOException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    /** {@code distest.affected}'s selection, over the records beside the durations history. */
    private AffectedTests affectedTests(SurefireTranslation plan, List<TxSpec> specs, List<Path> classpath, Path workerJar,
            Path workDirectory) throws IOException, MojoExecutionException {
        Map<String, String> environment = new LinkedHashMap<>(environmentVariables);
        names(excludedEnvironmentVariables).forEach(name -> environment.put("-" + name, ""));
        Map<String, String> settings = new LinkedHashMap<>(plan.configurationParameters());
        settings.put("(groups)", String.join(",", plan.includeTags()));
        settings.put("(excludedGroups)", String.join(",", plan.excludeTags()));
        settings.put("(engines)", names(includeJUnit5Engines) + " -" + names(excludeJUnit5Engines));
        settings.put("(provider)", String.valueOf(plan.provider().providerArtifact()));
        String suffix = "default-test".equals(executionId()) ? "" : "-" + executionId().replaceAll("[^A-Za-z0-9._-]", "_");
        try {
            return new AffectedTests(historyFile.toPath().resolveSibling("affected" + suffix + ".tsv"),
                    workDirectory.resolve("affected" + suffix + ".txt"),
                    BuildInputs.of(project, classpath, specs.stream().flatMap(spec -> spec.java().stream()).toList(),
                            plan.jvmArguments(), plan.systemProperties(), environment, settings,
                            distestVersion() + " " + io.distest.shared.Sha256.hexOf(workerJar)),
                    classpath, project.getBasedir().toPath(), affectedFullRunEvery, getLog(), System::currentTimeMillis);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    /** Classes the build narrows to some methods ({@code -Dtest=Class#method}): always run, never recorded as passed. */
    private static Set<String> partialClasses(List<TestUnit> units) {
        return units.stream().filter(unit -> !unit.includeMethods().isEmpty() || !unit.excludeMethods().isEmpty())
                .map(TestUnit::className).collect(Collectors.toSet());
    }

    private String distestVersion() {
        return mojoExecution == null ? "?" : mojoExecution.getMojoDescriptor().getPluginDescriptor().getVersion();
    }

    /** @param splittable whether classes may be split by method (never under TestNG: its methods depend on each other) */
    private SpeedOptions speedOptions(boolean splittable) throws MojoExecutionException {
        SpeedOptions.History mode = switch (history.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> SpeedOptions.History.USE;
            case "read" -> SpeedOptions.History.READ_ONLY;
            case "false" -> SpeedOptions.History.OFF;
            default -> throw new MojoExecutionException(
                    "distest.history=\"" + history + "\" is not a history mode; use true (default), read or false");
        };
        boolean split = switch (splitClasses.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "auto" -> true;
            case "never" -> false;
            default -> throw new MojoExecutionException(
                    "distest.splitClasses=\"" + splitClasses + "\" is not a split mode; use auto (default) or never");
        };
        if (!(minTestSecondsPerWorker >= 0) || Double.isInfinite(minTestSecondsPerWorker)) {
            throw new MojoExecutionException("distest.minTestSecondsPerWorker=" + minTestSecondsPerWorker
                    + " is not a number of seconds >= 0; use e.g. 3 (default), or 0 to start every worker");
        }
        return new SpeedOptions(historyFile.toPath(), mode, split && splittable, noSplit, testClassesDirectory.toPath(),
                minTestSecondsPerWorker);
    }

    /**
     * This job's share when the build asks for a slice (its record written for the merge goal), else {@code null}.
     */
    private SliceShare sliceShare(List<TestUnit> units, Path workDirectory) throws MojoExecutionException {
        Optional<Slice> asked;
        try {
            asked = Slice.of(slice, System.getenv());
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        if (asked.isEmpty()) {
            return null;
        }
        if (slice == null || slice.isBlank()) {
            getLog().info("distest: " + Slice.implicitReason(System.getenv()));
        }
        boolean withHistory = speedOptions(true).history() != SpeedOptions.History.OFF;
        try {
            return sliceJob().start(asked.get(), units, withHistory ? historyFile.toPath() : null,
                    reportsDirectory.toPath(), timeline ? TimelineObserver.jsonBeside(
                            TimelinePage.of(workDirectory, executionId())) : null);
        } catch (IOException e) {
            throw new MojoExecutionException("distest: " + e.getMessage(), e);
        }
    }

    private SliceJob sliceJob() {
        return new SliceJob(Path.of(project.getBuild().getDirectory()), executionId());
    }

    /** A slice's speed options also leave the run's durations below {@code target} for the merge goal. */
    private SpeedOptions sliced(SpeedOptions speed, SliceShare share) {
        return share == null ? speed : speed.withSliceDurationsFile(sliceJob().durationsFile());
    }

    private SshOptions sshOptions() throws MojoExecutionException {
        if (sshLinger < 0 || sshLinger > 86_400) {
            throw new MojoExecutionException("distest.ssh.linger=" + sshLinger + " is not a linger time: give the"
                    + " seconds (0 to 86400) the far worker server stays after a build, 0 to end it with the build");
        }
        SshOptions defaults = SshOptions.defaults();
        return defaults.withSshConfig(sshConfig.toPath())
                .withKnownHosts(knownHosts.toPath())
                .withIdentities(sshIdentities.isEmpty() ? defaults.identities()
                        : sshIdentities.stream().map(File::toPath).toList())
                .withAcceptNewHostKeys(acceptNewHostKeys)
                .withLinger(Duration.ofSeconds(sshLinger));
    }

    private SyncSettings syncSettings() {
        MavenProject top = session.getTopLevelProject();
        Path projectRoot = top != null && top.getBasedir() != null ? top.getBasedir().toPath() : project.getBasedir().toPath();
        return new SyncSettings(repositorySession.getLocalRepository().getBasedir().toPath(), projectRoot,
                project.getBasedir().toPath(), rsyncDirs.stream().map(Path::of).toList(), rsyncIgnores);
    }

    private List<TxSpec> specs() throws MojoExecutionException {
        List<TxSpec> specs;
        try {
            specs = TxActivation.specs(tx, session.getUserProperties().getProperty("distest.tx"), n, slice);
        } catch (TxSpecException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        switch (dist) {
            case "load" -> { }
            case "no" -> specs = List.of(TxSpecs.parse("popen"));
            case "each" -> {
                if (specs.size() < 2) {
                    getLog().warn("distest: dist=each with a single tx spec runs every test once: name one spec per"
                            + " platform, e.g. -Ddistest.tx=popen,popen//java=/opt/jdk-25/bin/java");
                }
            }
            default -> throw new MojoExecutionException(
                    "distest.dist=\"" + dist + "\" is not a distribution mode; use load (default), each or no");
        }
        if (specs.isEmpty() && "default-cli".equals(mojoExecution.getExecutionId())) {
            throw new MojoExecutionException("distest:" + plugin().goal() + " needs gateways: add -Ddistest.tx=2*popen (or another tx spec)"
                    + " or -Ddistest.n=auto");
        }
        if (specs.isEmpty()) {
            getLog().info("distest: no tx spec (-Ddistest.tx, -Ddistest.n or <tx>); nothing to run here");
        }
        return gatewaysFor(specs);
    }

    /**
     * The project's test class path plus what runs it: one of Surefire's providers (as in Surefire's forks), or the
     * JUnit Platform launcher and engines.
     *
     * @param providerArtifact Surefire's provider ({@code groupId:artifactId}), or {@code null} for the JUnit Platform
     * @param rules the engine rules of the project's Surefire version
     */
    private List<Path> testClasspath(String providerArtifact, PlatformRules rules) throws MojoExecutionException {
        List<Path> classpath = new ArrayList<>(TestClasspath.of(testClassesDirectory.toPath(), classesDirectory.toPath(),
                project.getArtifacts(), classpathDependencyScopeExclude, classpathDependencyExcludes,
                additionalClasspathElements, project.getBasedir().toPath()));
        if (providerArtifact != null) {
            classpath.addAll(new ProviderResolver(repositorySystem, repositorySession)
                    .resolve(providerArtifact, project, projectArtifactVersions().keySet()));
        } else {
            classpath.addAll(new EngineResolver(repositorySystem, repositorySession).resolveMissing(project, rules, getLog()::info));
        }
        return classpath;
    }

    /** The project's test class path as {@code groupId:artifactId} to version. */
    private Map<String, String> projectArtifactVersions() {
        Map<String, String> versions = new LinkedHashMap<>();
        project.getArtifacts().forEach(a -> versions.put(a.getGroupId() + ":" + a.getArtifactId(), a.getBaseVersion()));
        return versions;
    }



    /**
     * Takes the settings of the Surefire execution this one stands in for (same id; {@code default-test} for the
     * command-line goal) that distest itself does not configure, applying them to this mojo as Maven would have.
     */
    private SurefireSettings inheritSurefireSettings() throws MojoExecutionException {
        PluginParameterExpressionEvaluator evaluator = new PluginParameterExpressionEvaluator(session, mojoExecution);
        String executionId = mojoExecution.getExecutionId();
        Xpp3Dom own = SurefireSettings.modelConfiguration(project.getPlugin(SurefireTakeover.DISTEST), executionId);
        Set<String> ownSettings = SurefireSettings.ownSettings(own, mojoExecution.getMojoDescriptor().getParameters(),
                evaluator);
        if (plugin() == TestPlugin.FAILSAFE) {
            FailsafeDefaults defaults = FailsafeDefaults.of(ownSettings, evaluator);
            configure(defaults.values(), evaluator, "Failsafe's defaults");
            defaults.unset().forEach(this::unset);
        }
        SurefireSettings settings = SurefireSettings.read(project, plugin(), executionId, own, ownSettings, evaluator);
        configure(settings.inherited(), evaluator, settings.source());
        if (plugin() == TestPlugin.FAILSAFE && !ownSettings.contains("classesDirectory")
                && !settings.inheritedNames().contains("classesDirectory")) {
            classesDirectory = FailsafeDefaults.mainClasses(project.getArtifact().getFile(), classesDirectory);
        }
        return settings;
    }

    private void configure(Xpp3Dom configuration, PluginParameterExpressionEvaluator evaluator, String source)
            throws MojoExecutionException {
        if (configuration.getChildCount() == 0) {
            return;
        }
        try {
            configurator.configureComponent(this, new XmlPlexusConfiguration(configuration), evaluator,
                    mojoExecution.getMojoDescriptor().getPluginDescriptor().getClassRealm());
        } catch (ComponentConfigurationException e) {
            throw new MojoExecutionException("distest cannot take over " + source + ": " + e.getMessage(), e);
        }
    }

    /** Drops a value that Surefire's property gave a parameter Failsafe leaves unset (see {@link FailsafeDefaults}). */
    private void unset(String parameter) {
        switch (parameter) {
            case "test" -> test = null;
            case "includes" -> includes = null;
            case "excludes" -> excludes = null;
            case "includesFile" -> includesFile = null;
            case "excludesFile" -> excludesFile = null;
            case "systemPropertiesFile" -> systemPropertiesFile = null;
            case "suiteXmlFiles" -> suiteXmlFiles = null;
            case "excludedEnvironmentVariables" -> excludedEnvironmentVariables = null;
            case "includeJUnit5Engines" -> includeJUnit5Engines = null;
            case "excludeJUnit5Engines" -> excludeJUnit5Engines = null;
            default -> throw new IllegalArgumentException("no nullable parameter " + parameter);
        }
    }

    /** The Surefire-named settings as this goal holds them after inheritance: one plain value. */
    private TestSettings settings() {
        return new TestSettings(argLine, enableAssertions, systemProperties, path(systemPropertiesFile),
                systemPropertyVariables, promoteUserPropertiesToSystemProperties, includes, excludes, path(includesFile),
                path(excludesFile), test, groups, excludedGroups, properties,
                suiteXmlFiles == null ? null : suiteXmlFiles.stream().map(File::toPath).toList(),
                new Parallelism(parallel, threadCount, perCoreThreadCount, useUnlimitedThreads, threadCountSuites,
                        threadCountClasses, threadCountMethods, parallelTestsTimeoutInSeconds,
                        parallelTestsTimeoutForcedInSeconds, parallelOptimized),
                dependenciesToScan, testClassesDirectory.toPath(), workingDirectory.toPath(), rerunFailingTestsCount);
    }

    private static Path path(File file) {
        return file == null ? null : file.toPath();
    }

    /** Where reports go, after inheritance. */
    File reportsDirectory() {
        return reportsDirectory;
    }

    /** Surefire's / Failsafe's testFailureIgnore, after inheritance. */
    boolean testFailureIgnore() {
        return testFailureIgnore;
    }

    /** The id of this execution ({@code default-cli} for the command-line goal). */
    String executionId() {
        return mojoExecution.getExecutionId();
    }

    /** The plugin this goal stands in for; the integration-test goal overrides it. */
    TestPlugin plugin() {
        return TestPlugin.SUREFIRE;
    }

    /** Whether Failsafe's {@code skipITs} is set; the integration-test goal overrides it. */
    boolean skipIntegrationTests() {
        return false;
    }

    /** The remote-gateway policy of the integration-test goal; the test goal runs on every tx spec as given. */
    List<TxSpec> gatewaysFor(List<TxSpec> specs) {
        return specs;
    }




    /** Surefire's list settings: entries trimmed, blank ones dropped. */
    private static List<String> names(List<String> configured) {
        return configured == null ? List.of()
                : configured.stream().filter(n -> n != null && !n.isBlank()).map(String::trim).toList();
    }




    void noTests() throws MojoFailureException {
        if (test != null && !test.isBlank() && failIfNoSpecifiedTests) {
            throw new MojoFailureException("No tests matching pattern \"" + test + "\" were executed! (Set -D"
                    + plugin().property("surefire.failIfNoSpecifiedTests") + "=false to ignore this error.)");
        }
        if (failIfNoTests) {
            throw new MojoFailureException("No tests to run! (failIfNoTests is set)");
        }
        getLog().info("No tests to run.");
    }

    /** Fails the build as Surefire would; the integration-test goal leaves the verdict to {@code failsafe:verify}. */
    void verdict(RunSummary summary) throws MojoFailureException, MojoExecutionException {
        if (summary.notRunReason() != null) {
            throw new MojoFailureException("Some tests did not run: " + summary.notRunReason()
                    + ". See " + reportsDirectory + " for which.");
        }
        if (summary.tests() == 0) {
            noTests();
        }
        if (failOnFlakeCount > 0 && summary.flakes() >= failOnFlakeCount) {
            throw new MojoFailureException("There are " + summary.flakes() + " flaky tests (failOnFlakeCount="
                    + failOnFlakeCount + ").\n\nSee " + reportsDirectory + " for the individual test results.");
        }
        if (!summary.passed()) {
            String message = "There are test failures.\n\nSee " + reportsDirectory + " for the individual test results.";
            if (testFailureIgnore) {
                getLog().error(message);
            } else {
                throw new MojoFailureException(message);
            }
        }
    }

}
