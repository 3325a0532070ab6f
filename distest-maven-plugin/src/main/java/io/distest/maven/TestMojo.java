package io.distest.maven;

import io.distest.maven.parameter.Parameters;
import io.distest.maven.run.RunSummary;
import io.distest.maven.surefire.Parallelism;
import io.distest.maven.surefire.SurefireSettings;
import io.distest.maven.surefire.TestPlugin;
import io.distest.maven.surefire.TestSettings;
import io.distest.maven.tx.TxSpec;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.component.configurator.ComponentConfigurator;
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
public class TestMojo extends AbstractMojo implements GoalPolicy {

    /** Gateways, one tx spec each ({@code 3*popen}, {@code popen//java=/opt/jdk/bin/java}); {@code -Ddistest.tx=a,b} adds to them. */
    @Parameter
    List<String> tx = new ArrayList<>();

    /** Shorthand for {@code N*popen}: a number, or {@code auto} for one worker per available processor. */
    @Parameter(property = Parameters.N)
    String n;

    /**
     * How tests are spread: {@code load} (a shared queue), {@code each} (every test on every tx spec, each spec a
     * platform with its own reports) or {@code no} (one local worker).
     */
    @Parameter(property = Parameters.DIST, defaultValue = Parameters.DIST_DEFAULT)
    String dist;

    /** How many crashed workers are replaced before the run gives up; default: 4 per worker. */
    @Parameter(property = Parameters.MAX_WORKER_RESTART)
    Integer maxWorkerRestart;

    /** Surefire's {@code reuseForks}: {@code false} runs every test class in a fresh worker JVM. */
    @Parameter(property = "reuseForks", defaultValue = "true")
    boolean reuseForks;

    /** Seconds a test may run; past it the test errs with a thread dump of its worker, which is replaced. 0: no limit. */
    @Parameter(property = Parameters.TIMEOUT, defaultValue = Parameters.TIMEOUT_DEFAULT)
    int timeout;

    /** Seconds the whole run may take (Surefire's {@code forkedProcessTimeoutInSeconds}); 0: no limit. */
    @Parameter(property = "surefire.timeout", defaultValue = "0")
    int forkedProcessTimeoutInSeconds;

    /** Run a remote gateway's share on local workers when it cannot be reached at start. */
    @Parameter(property = Parameters.FALLBACK_TO_LOCAL, defaultValue = Parameters.FALLBACK_TO_LOCAL_DEFAULT)
    boolean fallbackToLocal;

    /** Run a failing test again up to this many times; one that then passes is reported as a flake. */
    @Parameter(property = "surefire.rerunFailingTestsCount", defaultValue = "0")
    int rerunFailingTestsCount;

    /** Fail the build once this many flakes happened; 0: flakes never fail the build. */
    @Parameter(property = "surefire.failOnFlakeCount", defaultValue = "0")
    int failOnFlakeCount;

    /** After this many failures no new test class starts; the rest are reported as skipped. 0: never. */
    @Parameter(property = "surefire.skipAfterFailureCount", defaultValue = "0")
    int skipAfterFailureCount;

    /** Seconds a worker JVM may take from start to connecting back. */
    @Parameter(property = Parameters.START_TIMEOUT, defaultValue = Parameters.START_TIMEOUT_DEFAULT)
    int startTimeout;

    /** Directories (relative to the module) sent to remote gateways besides the class path and {@code src}. */
    @Parameter(property = Parameters.RSYNC_DIRS)
    List<String> rsyncDirs = new ArrayList<>();

    /** Glob patterns, relative to each synced directory, of files never sent ({@code **}{@code /*.log}). */
    @Parameter(property = Parameters.RSYNC_IGNORES)
    List<String> rsyncIgnores = new ArrayList<>();

    /** The token of socket worker servers; default: {@code $DISTEST_TOKEN}. Never logged. */
    @Parameter(property = Parameters.TOKEN)
    String token;

    /** The OpenSSH client config ssh gateways read (HostName, User, Port, IdentityFile). */
    @Parameter(property = Parameters.SSH_CONFIG, defaultValue = Parameters.SSH_CONFIG_DEFAULT)
    File sshConfig;

    /** The known_hosts file ssh host keys are checked against. */
    @Parameter(property = Parameters.SSH_KNOWN_HOSTS, defaultValue = Parameters.SSH_KNOWN_HOSTS_DEFAULT)
    File knownHosts;

    /** Private keys tried after the config's IdentityFile entries; default the usual ~/.ssh/id_* keys. */
    @Parameter(property = Parameters.SSH_IDENTITIES)
    List<File> sshIdentities = new ArrayList<>();

    /** Append an unknown ssh host's key to known_hosts and go on (a changed key is never accepted). */
    @Parameter(property = Parameters.SSH_ACCEPT_NEW_HOST_KEYS,
            defaultValue = Parameters.SSH_ACCEPT_NEW_HOST_KEYS_DEFAULT)
    boolean acceptNewHostKeys;

    /** Seconds the worker server an ssh build starts stays, idle, for the next build to attach to; 0: none. */
    @Parameter(property = Parameters.SSH_LINGER, defaultValue = Parameters.SSH_LINGER_DEFAULT)
    int sshLinger;

    /** Extra JVM arguments for every test JVM, as Surefire's {@code argLine}. */
    @Parameter(property = "argLine")
    String argLine;

    /** System properties for the test JVMs, as Surefire's {@code systemPropertyVariables}. */
    @Parameter
    Map<String, String> systemPropertyVariables = Map.of();

    /** Environment variables for the test JVMs, as Surefire's {@code environmentVariables}. */
    @Parameter
    Map<String, String> environmentVariables = Map.of();

    /** The test JVMs' working directory (default: the module's base directory). */
    @Parameter(property = Parameters.WORKING_DIRECTORY, defaultValue = Parameters.WORKING_DIRECTORY_DEFAULT)
    File workingDirectory;

    /** Test class patterns to run (Surefire's {@code includes}; default {@code **}{@code /Test*.java} and friends). */
    @Parameter
    List<String> includes;

    /** Test class patterns not to run (Surefire's {@code excludes}; default: inner classes). */
    @Parameter
    List<String> excludes;

    /** Surefire's {@code -Dtest=}: class patterns, {@code Class#method}, {@code !} exclusions; replaces includes/excludes. */
    @Parameter(property = "test")
    String test;

    /** JUnit Platform tag expressions a test must match (Surefire's {@code groups}), comma-separated. */
    @Parameter(property = "groups")
    String groups;

    /** JUnit Platform tag expressions that exclude a test (Surefire's {@code excludedGroups}), comma-separated. */
    @Parameter(property = "excludedGroups")
    String excludedGroups;

    /** Fail when there are no tests to run. */
    @Parameter(property = "failIfNoTests", defaultValue = "false")
    boolean failIfNoTests;

    /** Fail when {@code -Dtest=} matches no test. */
    @Parameter(property = "surefire.failIfNoSpecifiedTests", defaultValue = "true")
    boolean failIfNoSpecifiedTests;

    /** Report test failures but let the build pass. */
    @Parameter(property = "maven.test.failure.ignore", defaultValue = "false")
    boolean testFailureIgnore;

    /** Skip running tests (they are still compiled). */
    @Parameter(property = "skipTests", defaultValue = "false")
    boolean skipTests;

    /** Skip tests altogether, as {@code maven.test.skip}. */
    @Parameter(property = "maven.test.skip", defaultValue = "false")
    boolean skip;

    /** Skip running tests, as the deprecated {@code maven.test.skip.exec}. */
    @Parameter(property = "maven.test.skip.exec", defaultValue = "false")
    boolean skipExec;

    /** Where {@code TEST-*.xml} reports go. */
    @Parameter(property = Parameters.REPORTS_DIRECTORY, defaultValue = Parameters.REPORTS_DIRECTORY_DEFAULT)
    File reportsDirectory;

    /** Where the compiled test classes are. */
    @Parameter(property = Parameters.TEST_CLASSES_DIRECTORY, defaultValue = Parameters.TEST_CLASSES_DIRECTORY_DEFAULT)
    File testClassesDirectory;

    /** Trim stack traces in reports to the test's own frames. */
    @Parameter(property = "trimStackTrace", defaultValue = "false")
    boolean trimStackTrace;

    /** Send test output to {@code *-output.txt} files instead of the console. */
    @Parameter(property = "maven.test.redirectTestOutputToFile", defaultValue = "false")
    boolean redirectTestOutputToFile;

    /**
     * The test durations history: {@code true} plans each run with {@code historyFile} (longest classes first, long
     * classes split) and updates it afterwards; {@code read} only plans with it (a committed file in CI);
     * {@code false} ignores it.
     */
    @Parameter(property = Parameters.HISTORY, defaultValue = Parameters.HISTORY_DEFAULT)
    String history;

    /**
     * Write the run's timeline: {@code target/distest/timeline.html}, a self-contained page with one lane per worker
     * (connect, sync, JVM start-up, each unit coloured by outcome), and its data, {@code run.json}. An execution
     * other than the default one writes {@code timeline-<execution id>.html} and {@code run-<execution id>.json}.
     */
    @Parameter(property = Parameters.TIMELINE, defaultValue = Parameters.TIMELINE_DEFAULT)
    boolean timeline;

    /** Where test durations are kept between runs; outside {@code target} so that {@code mvn clean} keeps it. */
    @Parameter(property = Parameters.HISTORY_FILE, defaultValue = Parameters.HISTORY_FILE_DEFAULT)
    File historyFile;

    /**
     * {@code auto}: a class expected to take longer than its fair share of the run is split by method across
     * workers, unless its methods depend on each other (ordered, one shared instance); {@code never}.
     */
    @Parameter(property = Parameters.SPLIT_CLASSES, defaultValue = Parameters.SPLIT_CLASSES_DEFAULT)
    String splitClasses;

    /**
     * Start only the workers that the tests can pay for: with a durations history that knows every selected class, a
     * {@code dist=load} run starts {@code min(requested, max(1, floor(expected test seconds / this)))} workers
     * (from the last tx spec backwards), since each extra JVM's start-up and warm-up cost more than a short suite
     * gains. {@code 0} starts every worker.
     */
    @Parameter(property = Parameters.MIN_TEST_SECONDS_PER_WORKER,
            defaultValue = Parameters.MIN_TEST_SECONDS_PER_WORKER_DEFAULT)
    double minTestSecondsPerWorker;

    /**
     * Run only this CI job's share of the selected test classes: {@code K/N} (the K-th of N slices, from 1), or
     * {@code auto} for the CI's parallel-job variables (GitLab, CircleCI, Buildkite, Azure; GitLab's are read even
     * when this is unset; {@code none} runs every test whatever they say). Every job computes the same plan from the class names, the durations history and N, and
     * writes it to {@code target/distest/} for the {@code merge} goal. Alone, it takes over Surefire on one local
     * worker per core.
     */
    @Parameter(property = Parameters.SLICE)
    String slice;

    /**
     * Run only the test classes a change can affect: workers record what each test class uses of the project
     * (classes, class path resources, files of the module); a class whose last run passed and none of whose
     * dependencies changed is left out, as long as the class path's jars, the JDK, the JVM settings, the POMs and
     * distest stay the same. Records live in {@code .distest/affected.tsv} beside the durations history;
     * {@code target/distest/affected.txt} says why each class ran or not.
     */
    @Parameter(property = Parameters.AFFECTED, defaultValue = Parameters.AFFECTED_DEFAULT)
    boolean affected;

    /** With {@code distest.affected}: every N-th build runs every test class anyway; 0 (default): never by count. */
    @Parameter(property = Parameters.AFFECTED_FULL_RUN_EVERY, defaultValue = Parameters.AFFECTED_FULL_RUN_EVERY_DEFAULT)
    int affectedFullRunEvery;

    /** Test classes never split: class-name patterns ({@code com.acme.db.*}, {@code *IT}), comma-separated. */
    @Parameter(property = Parameters.NO_SPLIT)
    List<String> noSplit = new ArrayList<>();

    /** A file of test class patterns to run, one per line, added to {@code includes} (Surefire's {@code includesFile}). */
    @Parameter(property = "surefire.includesFile")
    File includesFile;

    /** A file of test class patterns not to run, one per line, added to {@code excludes}. */
    @Parameter(property = "surefire.excludesFile")
    File excludesFile;

    /** System properties for the test JVMs in the old {@code Properties} form (Surefire's {@code systemProperties}). */
    @Parameter
    Properties systemProperties;

    /** A properties file of system properties for the test JVMs (Surefire's {@code systemPropertiesFile}). */
    @Parameter(property = "surefire.systemPropertiesFile")
    File systemPropertiesFile;

    /** Pass the build's user properties ({@code -Dname=value}) to the test JVMs as system properties, as Surefire does. */
    @Parameter(defaultValue = "true")
    boolean promoteUserPropertiesToSystemProperties;

    /** Dependencies to leave off the test class path: {@code groupId:artifactId} patterns (Surefire's). */
    @Parameter(property = "maven.test.dependency.excludes")
    List<String> classpathDependencyExcludes;

    /** A scope whose dependencies are left off the test class path ({@code compile}, {@code runtime}, …). */
    @Parameter
    String classpathDependencyScopeExclude;

    /** Files and directories added to the end of the test class path. */
    @Parameter(property = "maven.test.additionalClasspath")
    List<String> additionalClasspathElements;

    /** The main classes on the test class path (Surefire's {@code classesDirectory}). */
    @Parameter(defaultValue = "${project.build.outputDirectory}")
    File classesDirectory;

    /** Appended to report names: {@code TEST-<class>-<suffix>.xml}, for several runs into one directory. */
    @Parameter(property = "surefire.reportNameSuffix", defaultValue = "")
    String reportNameSuffix;

    /** Run the test JVMs with assertions enabled (unless {@code argLine} says {@code -da}), as Surefire does. */
    @Parameter(property = "enableAssertions", defaultValue = "true")
    boolean enableAssertions;

    /**
     * Surefire's {@code properties}; {@code configurationParameters} (one {@code key=value} per line) become the
     * JUnit Platform's configuration parameters.
     */
    @Parameter
    Properties properties;

    /** TestNG suite files: the classes, packages, methods and groups they name run (Surefire's {@code suiteXmlFiles}). */
    @Parameter(property = "surefire.suiteXmlFiles")
    List<File> suiteXmlFiles;

    /**
     * Surefire's in-JVM {@code parallel} mode, in effect inside each worker for TestNG and for JUnit 4.7+ without
     * the JUnit Platform (Surefire's JUnit 4.7 provider); not honoured on the JUnit Platform (the workers run classes
     * in parallel).
     */
    @Parameter(property = "parallel")
    String parallel;

    /** Surefire's {@code threadCount} for {@code parallel}: TestNG's and the JUnit 4.7 provider's thread count. */
    @Parameter(property = "threadCount")
    Integer threadCount;

    /** Surefire's JUnit 4.7 provider: thread counts are per CPU core. */
    @Parameter(property = "perCoreThreadCount", defaultValue = "true")
    boolean perCoreThreadCount;

    /** Surefire's JUnit 4.7 provider: as many threads as there are tests. */
    @Parameter(property = "useUnlimitedThreads", defaultValue = "false")
    boolean useUnlimitedThreads;

    /** Surefire's JUnit 4.7 provider: threads for suites. */
    @Parameter(property = "threadCountSuites", defaultValue = "0")
    int threadCountSuites;

    /** Surefire's JUnit 4.7 provider: threads for classes. */
    @Parameter(property = "threadCountClasses", defaultValue = "0")
    int threadCountClasses;

    /** Surefire's JUnit 4.7 provider: threads for methods. */
    @Parameter(property = "threadCountMethods", defaultValue = "0")
    int threadCountMethods;

    /** Surefire's JUnit 4.7 provider: seconds before parallel tests are stopped (0: never). */
    @Parameter(property = "surefire.parallel.timeout")
    double parallelTestsTimeoutInSeconds;

    /** Surefire's JUnit 4.7 provider: seconds before parallel tests are interrupted (0: never). */
    @Parameter(property = "surefire.parallel.forcedTimeout")
    double parallelTestsTimeoutForcedInSeconds;

    /** Surefire's JUnit 4.7 provider: fewer threads where the tests are few. */
    @Parameter(property = "parallelOptimized", defaultValue = "true")
    boolean parallelOptimized;

    /**
     * Dependencies whose test classes also run (Surefire's {@code dependenciesToScan}):
     * {@code groupId[:artifactId[:type[:classifier][:version]]]} patterns; their jars are scanned with the same
     * includes/excludes.
     */
    @Parameter(property = "dependenciesToScan")
    List<String> dependenciesToScan;

    /** Environment variables the test JVMs do not inherit (from the build, or a remote worker server), as Surefire's. */
    @Parameter(property = "surefire.excludedEnvironmentVariables")
    List<String> excludedEnvironmentVariables;

    /** Ids of the only JUnit Platform engines that run ({@code junit-jupiter}, …), as Surefire's. */
    @Parameter(property = "surefire.includeJUnit5Engines")
    List<String> includeJUnit5Engines;

    /** Ids of JUnit Platform engines that do not run, as Surefire's. */
    @Parameter(property = "surefire.excludeJUnit5Engines")
    List<String> excludeJUnit5Engines;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    MojoExecution mojoExecution;

    @Parameter(defaultValue = "${repositorySystemSession}", readonly = true, required = true)
    RepositorySystemSession repositorySession;

    @Component
    RepositorySystem repositorySystem;

    /** Maven's own configurator: Surefire's settings are applied to this mojo exactly as Maven applies a POM's. */
    @Component(role = ComponentConfigurator.class, hint = "basic")
    ComponentConfigurator configurator;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        SurefireSettings surefire = new SurefireInheritance(this).apply();
        if (skip || skipTests || skipExec || skipIntegrationTests()) {
            getLog().info("Tests are skipped.");
            return;
        }
        new TestGoal(settings(), context(), this).run(surefire);
    }

    /** The parameters as inheritance left them, in one immutable value: all the goal reads of them. */
    private GoalSettings settings() {
        return new GoalSettings(
                new GoalSettings.Distribution(tx, n, dist, slice, maxWorkerRestart, startTimeout, fallbackToLocal,
                        reuseForks, timeout, forkedProcessTimeoutInSeconds, skipAfterFailureCount),
                new GoalSettings.Remote(rsyncDirs, rsyncIgnores, token, sshConfig, knownHosts, sshIdentities,
                        acceptNewHostKeys, sshLinger),
                new GoalSettings.Jvm(environmentVariables, workingDirectory, excludedEnvironmentVariables,
                        includeJUnit5Engines, excludeJUnit5Engines),
                new GoalSettings.Reports(reportsDirectory, trimStackTrace, redirectTestOutputToFile, reportNameSuffix,
                        timeline),
                new GoalSettings.Speed(history, historyFile, splitClasses, minTestSecondsPerWorker, noSplit, affected,
                        affectedFullRunEvery),
                new GoalSettings.Classpath(testClassesDirectory, classesDirectory, classpathDependencyScopeExclude,
                        classpathDependencyExcludes, additionalClasspathElements),
                new TestSettings(argLine, enableAssertions, systemProperties, path(systemPropertiesFile),
                        systemPropertyVariables, promoteUserPropertiesToSystemProperties, includes, excludes,
                        path(includesFile), path(excludesFile), test, groups, excludedGroups, properties,
                        suiteXmlFiles == null ? null : suiteXmlFiles.stream().map(File::toPath).toList(),
                        new Parallelism(parallel, threadCount, perCoreThreadCount, useUnlimitedThreads,
                                threadCountSuites, threadCountClasses, threadCountMethods,
                                parallelTestsTimeoutInSeconds, parallelTestsTimeoutForcedInSeconds, parallelOptimized),
                        dependenciesToScan, testClassesDirectory.toPath(), workingDirectory.toPath(),
                        rerunFailingTestsCount));
    }

    @SuppressWarnings("unchecked")
    private GoalContext context() {
        return new GoalContext(project, session, repositorySystem, repositorySession, plugin(), executionId(),
                mojoExecution.getMojoDescriptor().getPluginDescriptor().getVersion(), getLog(), getPluginContext());
    }

    private static Path path(File file) {
        return file == null ? null : file.toPath();
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
    @Override
    public List<TxSpec> gatewaysFor(List<TxSpec> specs) {
        return specs;
    }

    @Override
    public void noTests() throws MojoFailureException {
        verdict().noTests();
    }

    /** Fails the build as Surefire would; the integration-test goal leaves the verdict to {@code failsafe:verify}. */
    @Override
    public void verdict(RunSummary summary) throws MojoFailureException, MojoExecutionException {
        verdict().judge(summary);
    }

    private Verdict verdict() {
        return new Verdict(plugin(), test, failIfNoSpecifiedTests, failIfNoTests, failOnFlakeCount, testFailureIgnore,
                reportsDirectory, getLog());
    }
}
