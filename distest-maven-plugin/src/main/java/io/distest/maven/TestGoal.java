package io.distest.maven;

import io.distest.maven.affected.AffectedTests;
import io.distest.maven.affected.BuildInputs;
import io.distest.maven.gateway.WorkerJar;
import io.distest.maven.gateway.ssh.SshOptions;
import io.distest.maven.gateway.ssh.SshjConfig;
import io.distest.maven.parameter.Parameters;
import io.distest.maven.run.DistestException;
import io.distest.maven.run.DistestRunner;
import io.distest.maven.run.RunSummary;
import io.distest.maven.schedule.TestUnit;
import io.distest.maven.settings.Dist;
import io.distest.maven.settings.JvmSettings;
import io.distest.maven.settings.ProviderRun;
import io.distest.maven.settings.RemoteSettings;
import io.distest.maven.settings.ReportOptions;
import io.distest.maven.settings.RunPolicy;
import io.distest.maven.settings.RunRequest;
import io.distest.maven.settings.SpeedOptions;
import io.distest.maven.settings.SyncSettings;
import io.distest.maven.settings.TestFilters;
import io.distest.maven.settings.WorkerPolicy;
import io.distest.maven.slice.Slice;
import io.distest.maven.slice.SliceJob;
import io.distest.maven.slice.SliceShare;
import io.distest.maven.surefire.EngineResolver;
import io.distest.maven.surefire.Parallelism;
import io.distest.maven.surefire.PlatformRules;
import io.distest.maven.surefire.ProviderChoice;
import io.distest.maven.surefire.ProviderResolver;
import io.distest.maven.surefire.ReportNaming;
import io.distest.maven.surefire.SurefireSettings;
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
import io.distest.shared.Sha256;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;

/**
 * What the test goals do once the mojo holds its parameters (Surefire's or Failsafe's inherited): choose the
 * gateways, select and plan the tests, hand one {@link RunRequest} to {@link DistestRunner}, and judge its summary
 * through the mojo's verdict. Reads the mojo's fields by name: the mojo only declares them.
 */
final class TestGoal {
    private final TestMojo mojo;
    private final SurefireSettings surefire;

    TestGoal(TestMojo mojo, SurefireSettings surefire) {
        this.mojo = mojo;
        this.surefire = surefire;
    }

    void run() throws MojoExecutionException, MojoFailureException {
        List<TxSpec> specs = specs();
        if (specs.isEmpty()) {
            return;
        }
        if (specs.stream().anyMatch(spec -> spec.transport() instanceof Transport.Ssh)) {
            SshjConfig.warmUp(); // sshj's CPU-heavy first set-up, beside the test scan
        }
        SurefireTranslation plan;
        try {
            plan = new SurefireTranslation(mojo.plugin(), settings(), surefire, mojo.project.getArtifacts(),
                    mojo.project.getProperties(), mojo.session.getUserProperties());
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        List<String> specTexts = specs.stream().map(TxSpec::text).toList();
        mojo.getLog().info(plan.inheritanceLine(mojo.executionId(), specTexts, mojo.reuseForks).text());
        if (!plan.notHonoured().isEmpty()) {
            mojo.getLog().warn("distest: execution " + mojo.executionId() + ": " + mojo.plugin().displayName()
                    + " settings distest does not honour:\n  - " + String.join("\n  - ", plan.notHonoured()));
        }
        List<TestUnit> units = plan.units();
        if (units.isEmpty()) {
            mojo.noTests();
            return;
        }
        Path workDirectory = Path.of(mojo.project.getBuild().getDirectory(), "distest");
        SliceShare share = sliceShare(units, workDirectory);
        if (share != null) {
            mojo.getLog().info("distest: " + share.logLine());
            units = share.units();
            if (units.isEmpty()) {
                mojo.noTests();
                return;
            }
        }
        try {
            ProviderChoice provider = plan.provider();
            List<Path> classpath = testClasspath(plan.providerRun() == null ? null : provider.providerArtifact(),
                    provider.rules());
            Path workerJar = WorkerJar.extractTo(workDirectory);
            AffectedTests affected = mojo.affected ? affectedTests(plan, specs, classpath, workerJar, workDirectory)
                    : null;
            if (affected != null) {
                if (share != null) {
                    affected.alsoWriteTo(AffectedTests.sliceRecordsFile(workDirectory, mojo.executionId()));
                }
                units = affected.select(units, partialClasses(units));
                affected.removeEarlierReports(mojo.reportsDirectory.toPath());
                if (units.isEmpty()) {
                    affected.finish();
                    if (share != null) {
                        sliceJob().finish(List.of(), affected.notRun());
                    }
                    return;
                }
            }
            RunRequest request = request(specs, units, plan, share, workDirectory, classpath, workerJar,
                    affected != null);
            RunSummary summary = DistestRunner.forTerminal(mojo.getLog(), mojo.session.getRequest().isInteractiveMode())
                    .run(request, affected == null ? List.of() : List.of(affected.recorder()));
            if (affected != null) {
                affected.finish(); // before the verdict: a class that failed must run next time
            }
            if (share != null) {
                sliceJob().finish(summary.classesWithoutTests(), affected == null ? List.of() : affected.notRun());
            }
            @SuppressWarnings("unchecked")
            Map<Object, Object> context = mojo.getPluginContext();
            if (context != null && mojo.plugin() == TestPlugin.SUREFIRE) {
                context.put(TestMojo.UNIT_TESTS_RAN_ON, String.join(", ", specTexts));
            }
            mojo.verdict(summary);
        } catch (DistestException | IOException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    /** The one value the run is asked with: the parameters as the translation of Surefire's settings left them. */
    private RunRequest request(List<TxSpec> specs, List<TestUnit> units, SurefireTranslation plan, SliceShare share,
            Path workDirectory, List<Path> classpath, Path workerJar, boolean dependencyAgent)
            throws MojoExecutionException {
        ProviderRun providerRun = plan.providerRun();
        ProviderChoice provider = plan.provider();
        Path timelinePage = mojo.timeline ? TimelinePage.of(workDirectory,
                mojo.mojoExecution == null ? null : mojo.mojoExecution.getExecutionId()) : null;
        int restarts = mojo.maxWorkerRestart != null ? mojo.maxWorkerRestart
                : Parameters.MAX_WORKER_RESTART_PER_WORKER * specs.stream().mapToInt(TxSpec::count).sum();
        return new RunRequest(specs, units, classpath, workerJar,
                new JvmSettings(plan.jvmArguments(), plan.systemProperties(), mojo.environmentVariables,
                        mojo.workingDirectory.toPath(), Set.copyOf(names(mojo.excludedEnvironmentVariables)),
                        dependencyAgent),
                new TestFilters(plan.includeTags(), plan.excludeTags(), plan.configurationParameters(),
                        names(mojo.includeJUnit5Engines), names(mojo.excludeJUnit5Engines),
                        provider.kind() == ProviderChoice.Kind.JUNIT_PLATFORM,
                        provider.rules() == PlatformRules.UNIFIED),
                new ReportOptions(mojo.reportsDirectory.toPath(), mojo.trimStackTrace, mojo.redirectTestOutputToFile,
                        mojo.reportNameSuffix, timelinePage,
                        ReportNaming.of(surefire.version(), provider.kind())),
                workDirectory,
                new WorkerPolicy(restarts, Duration.ofSeconds(mojo.startTimeout), mojo.fallbackToLocal),
                new RunPolicy(mojo.reuseForks, Duration.ofSeconds(mojo.timeout),
                        Duration.ofSeconds(mojo.forkedProcessTimeoutInSeconds), mojo.rerunFailingTestsCount,
                        mojo.skipAfterFailureCount),
                new RemoteSettings(syncSettings(), mojo.token != null ? mojo.token : System.getenv(Protocol.TOKEN_ENV),
                        sshOptions()),
                sliced(speedOptions(providerRun == null), share), "each".equals(mojo.dist) ? Dist.EACH : Dist.LOAD,
                providerRun);
    }

    /** {@code distest.affected}'s selection, over the records beside the durations history. */
    private AffectedTests affectedTests(SurefireTranslation plan, List<TxSpec> specs, List<Path> classpath,
            Path workerJar, Path workDirectory) throws IOException, MojoExecutionException {
        Map<String, String> environment = new LinkedHashMap<>(mojo.environmentVariables);
        names(mojo.excludedEnvironmentVariables).forEach(name -> environment.put("-" + name, ""));
        Map<String, String> settings = new LinkedHashMap<>(plan.configurationParameters());
        settings.put("(groups)", String.join(",", plan.includeTags()));
        settings.put("(excludedGroups)", String.join(",", plan.excludeTags()));
        settings.put("(engines)", names(mojo.includeJUnit5Engines) + " -" + names(mojo.excludeJUnit5Engines));
        settings.put("(provider)", String.valueOf(plan.provider().providerArtifact()));
        String execution = mojo.executionId();
        try {
            return new AffectedTests(AffectedTests.recordsFile(mojo.historyFile.toPath(), execution),
                    AffectedTests.listingFile(workDirectory, execution),
                    BuildInputs.of(mojo.project, classpath, specs.stream().flatMap(spec -> spec.java().stream()).toList(),
                            plan.jvmArguments(), plan.systemProperties(), environment, settings,
                            distestVersion() + " " + Sha256.hexOf(workerJar)),
                    classpath, mojo.project.getBasedir().toPath(), mojo.affectedFullRunEvery, mojo.getLog(),
                    System::currentTimeMillis);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    /** Classes the build narrows to some methods ({@code -Dtest=Class#method}): always run, never recorded as passed. */
    private static Set<String> partialClasses(List<TestUnit> units) {
        return units.stream().filter(unit -> !unit.includeMethods().isEmpty() || !unit.excludeMethods().isEmpty())
                .map(TestUnit::className).collect(java.util.stream.Collectors.toSet());
    }

    private String distestVersion() {
        return mojo.mojoExecution == null ? "?"
                : mojo.mojoExecution.getMojoDescriptor().getPluginDescriptor().getVersion();
    }

    /**
     * @param splittable whether classes may be split by method (never under TestNG: its methods depend on each
     *     other)
     */
    private SpeedOptions speedOptions(boolean splittable) throws MojoExecutionException {
        SpeedOptions.History mode = switch (mojo.history.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> SpeedOptions.History.USE;
            case "read" -> SpeedOptions.History.READ_ONLY;
            case "false" -> SpeedOptions.History.OFF;
            default -> throw new MojoExecutionException(
                    Parameters.HISTORY + "=\"" + mojo.history
                            + "\" is not a history mode; use true (default), read or false");
        };
        boolean split = switch (mojo.splitClasses.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "auto" -> true;
            case "never" -> false;
            default -> throw new MojoExecutionException(
                    Parameters.SPLIT_CLASSES + "=\"" + mojo.splitClasses
                            + "\" is not a split mode; use auto (default) or never");
        };
        if (!(mojo.minTestSecondsPerWorker >= 0) || Double.isInfinite(mojo.minTestSecondsPerWorker)) {
            throw new MojoExecutionException(Parameters.MIN_TEST_SECONDS_PER_WORKER + "=" + mojo.minTestSecondsPerWorker
                    + " is not a number of seconds >= 0; use e.g. 3 (default), or 0 to start every worker");
        }
        return new SpeedOptions(mojo.historyFile.toPath(), mode, split && splittable, mojo.noSplit,
                mojo.testClassesDirectory.toPath(), mojo.minTestSecondsPerWorker);
    }

    /**
     * This job's share when the build asks for a slice (its record written for the merge goal), else {@code null}.
     */
    private SliceShare sliceShare(List<TestUnit> units, Path workDirectory) throws MojoExecutionException {
        Optional<Slice> asked;
        try {
            asked = Slice.of(mojo.slice, System.getenv());
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        if (asked.isEmpty()) {
            return null;
        }
        if (mojo.slice == null || mojo.slice.isBlank()) {
            mojo.getLog().info("distest: " + Slice.implicitReason(System.getenv()));
        }
        boolean withHistory = speedOptions(true).history() != SpeedOptions.History.OFF;
        try {
            return sliceJob().start(asked.get(), units, withHistory ? mojo.historyFile.toPath() : null,
                    mojo.reportsDirectory.toPath(), mojo.timeline ? TimelineObserver.jsonBeside(
                            TimelinePage.of(workDirectory, mojo.executionId())) : null);
        } catch (IOException e) {
            throw new MojoExecutionException("distest: " + e.getMessage(), e);
        }
    }

    private SliceJob sliceJob() {
        return new SliceJob(Path.of(mojo.project.getBuild().getDirectory()), mojo.executionId());
    }

    /** A slice's speed options also leave the run's durations below {@code target} for the merge goal. */
    private SpeedOptions sliced(SpeedOptions speed, SliceShare share) {
        return share == null ? speed : speed.withSliceDurationsFile(sliceJob().durationsFile());
    }

    private SshOptions sshOptions() throws MojoExecutionException {
        if (mojo.sshLinger < 0 || mojo.sshLinger > Parameters.SSH_LINGER_MAX_SECONDS) {
            throw new MojoExecutionException(Parameters.SSH_LINGER + "=" + mojo.sshLinger + " is not a linger time:"
                    + " give the seconds (0 to " + Parameters.SSH_LINGER_MAX_SECONDS + ") the far worker server stays"
                    + " after a build, 0 to end it with the build");
        }
        return SshOptions.of(mojo.sshConfig.toPath(), mojo.knownHosts.toPath(),
                mojo.sshIdentities.stream().map(File::toPath).toList(), mojo.acceptNewHostKeys,
                Duration.ofSeconds(mojo.sshLinger));
    }

    private SyncSettings syncSettings() {
        MavenProject top = mojo.session.getTopLevelProject();
        Path projectRoot = top != null && top.getBasedir() != null ? top.getBasedir().toPath()
                : mojo.project.getBasedir().toPath();
        return new SyncSettings(mojo.repositorySession.getLocalRepository().getBasedir().toPath(), projectRoot,
                mojo.project.getBasedir().toPath(), mojo.rsyncDirs.stream().map(Path::of).toList(), mojo.rsyncIgnores);
    }

    private List<TxSpec> specs() throws MojoExecutionException {
        List<TxSpec> specs;
        try {
            specs = TxActivation.specs(mojo.tx, mojo.session.getUserProperties().getProperty(Parameters.TX), mojo.n,
                    mojo.slice);
        } catch (TxSpecException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        switch (mojo.dist) {
            case "load" -> { }
            case "no" -> specs = List.of(TxSpecs.parse("popen"));
            case "each" -> {
                if (specs.size() < 2) {
                    mojo.getLog().warn("distest: dist=each with a single tx spec runs every test once: name one spec"
                            + " per platform, e.g. -D" + Parameters.TX + "=popen,popen//java=/opt/jdk-25/bin/java");
                }
            }
            default -> throw new MojoExecutionException(
                    Parameters.DIST + "=\"" + mojo.dist
                            + "\" is not a distribution mode; use load (default), each or no");
        }
        if (specs.isEmpty() && "default-cli".equals(mojo.mojoExecution.getExecutionId())) {
            throw new MojoExecutionException("distest:" + mojo.plugin().goal() + " needs gateways: add -D"
                    + Parameters.TX + "=2*popen (or another tx spec) or -D" + Parameters.N + "=auto");
        }
        if (specs.isEmpty()) {
            mojo.getLog().info("distest: no tx spec (-D" + Parameters.TX + ", -D" + Parameters.N
                    + " or <tx>); nothing to run here");
        }
        return mojo.gatewaysFor(specs);
    }

    /**
     * The project's test class path plus what runs it: one of Surefire's providers (as in Surefire's forks), or the
     * JUnit Platform launcher and engines.
     *
     * @param providerArtifact Surefire's provider ({@code groupId:artifactId}), or {@code null} for the JUnit Platform
     * @param rules the engine rules of the project's Surefire version
     */
    private List<Path> testClasspath(String providerArtifact, PlatformRules rules) throws MojoExecutionException {
        List<Path> classpath = new ArrayList<>(TestClasspath.of(mojo.testClassesDirectory.toPath(),
                mojo.classesDirectory.toPath(), mojo.project.getArtifacts(), mojo.classpathDependencyScopeExclude,
                mojo.classpathDependencyExcludes, mojo.additionalClasspathElements,
                mojo.project.getBasedir().toPath()));
        if (providerArtifact != null) {
            classpath.addAll(new ProviderResolver(mojo.repositorySystem, mojo.repositorySession)
                    .resolve(providerArtifact, mojo.project, projectArtifactVersions().keySet()));
        } else {
            classpath.addAll(new EngineResolver(mojo.repositorySystem, mojo.repositorySession)
                    .resolveMissing(mojo.project, rules, mojo.getLog()::info));
        }
        return classpath;
    }

    /** The project's test class path as {@code groupId:artifactId} to version. */
    private Map<String, String> projectArtifactVersions() {
        Map<String, String> versions = new LinkedHashMap<>();
        mojo.project.getArtifacts().forEach(a ->
                versions.put(a.getGroupId() + ":" + a.getArtifactId(), a.getBaseVersion()));
        return versions;
    }

    /** The Surefire-named settings as this goal holds them after inheritance: one plain value. */
    private TestSettings settings() {
        return new TestSettings(mojo.argLine, mojo.enableAssertions, mojo.systemProperties,
                path(mojo.systemPropertiesFile), mojo.systemPropertyVariables,
                mojo.promoteUserPropertiesToSystemProperties, mojo.includes, mojo.excludes, path(mojo.includesFile),
                path(mojo.excludesFile), mojo.test, mojo.groups, mojo.excludedGroups, mojo.properties,
                mojo.suiteXmlFiles == null ? null : mojo.suiteXmlFiles.stream().map(File::toPath).toList(),
                new Parallelism(mojo.parallel, mojo.threadCount, mojo.perCoreThreadCount, mojo.useUnlimitedThreads,
                        mojo.threadCountSuites, mojo.threadCountClasses, mojo.threadCountMethods,
                        mojo.parallelTestsTimeoutInSeconds, mojo.parallelTestsTimeoutForcedInSeconds,
                        mojo.parallelOptimized),
                mojo.dependenciesToScan, mojo.testClassesDirectory.toPath(), mojo.workingDirectory.toPath(),
                mojo.rerunFailingTestsCount);
    }

    private static Path path(File file) {
        return file == null ? null : file.toPath();
    }

    /** Surefire's list settings: entries trimmed, blank ones dropped. */
    private static List<String> names(List<String> configured) {
        return configured == null ? List.of()
                : configured.stream().filter(n -> n != null && !n.isBlank()).map(String::trim).toList();
    }
}
