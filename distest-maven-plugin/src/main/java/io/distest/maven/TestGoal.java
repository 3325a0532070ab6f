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
 * What the test goals do with their settings (Surefire's or Failsafe's inherited): choose the gateways, select and
 * plan the tests, hand one {@link RunRequest} to {@link DistestRunner}, and judge its summary through the goal's
 * {@link GoalPolicy}. It gets plain values from the mojo, never the mojo.
 */
final class TestGoal {
    private final GoalSettings settings;
    private final GoalContext build;
    private final GoalPolicy goal;

    TestGoal(GoalSettings settings, GoalContext build, GoalPolicy goal) {
        this.settings = settings;
        this.build = build;
        this.goal = goal;
    }

    /** @param surefire the configuration of the Surefire (or Failsafe) execution the goal stands in for */
    void run(SurefireSettings surefire) throws MojoExecutionException, MojoFailureException {
        List<TxSpec> specs = specs();
        if (specs.isEmpty()) {
            return;
        }
        if (specs.stream().anyMatch(spec -> spec.transport() instanceof Transport.Ssh)) {
            SshjConfig.warmUp(); // sshj's CPU-heavy first set-up, beside the test scan
        }
        SurefireTranslation plan;
        try {
            plan = new SurefireTranslation(build.plugin(), settings.surefire(), surefire,
                    build.project().getArtifacts(), build.project().getProperties(),
                    build.session().getUserProperties());
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        List<String> specTexts = specs.stream().map(TxSpec::text).toList();
        boolean reuseForks = settings.distribution().reuseForks();
        build.log().info(plan.inheritanceLine(build.executionId(), specTexts, reuseForks).text());
        if (!plan.notHonoured().isEmpty()) {
            build.log().warn("distest: execution " + build.executionId() + ": " + build.plugin().displayName()
                    + " settings distest does not honour:\n  - " + String.join("\n  - ", plan.notHonoured()));
        }
        List<TestUnit> units = plan.units();
        if (units.isEmpty()) {
            goal.noTests();
            return;
        }
        Path workDirectory = Path.of(build.project().getBuild().getDirectory(), "distest");
        SliceShare share = sliceShare(units, workDirectory);
        if (share != null) {
            build.log().info("distest: " + share.logLine());
            units = share.units();
            if (units.isEmpty()) {
                goal.noTests();
                return;
            }
        }
        try {
            ProviderChoice provider = plan.provider();
            List<Path> classpath = testClasspath(plan.providerRun() == null ? null : provider.providerArtifact(),
                    provider.rules());
            Path workerJar = WorkerJar.extractTo(workDirectory);
            AffectedTests affected = settings.speed().affected()
                    ? affectedTests(plan, specs, classpath, workerJar, workDirectory)
                    : null;
            if (affected != null) {
                if (share != null) {
                    affected.alsoWriteTo(AffectedTests.sliceRecordsFile(workDirectory, build.executionId()));
                }
                units = affected.select(units, partialClasses(units));
                affected.removeEarlierReports(settings.reports().reportsDirectory().toPath());
                if (units.isEmpty()) {
                    affected.finish();
                    if (share != null) {
                        sliceJob().finish(List.of(), affected.notRun());
                    }
                    return;
                }
            }
            RunRequest request = request(specs, units, plan, share, workDirectory, classpath, workerJar,
                    affected != null, surefire.version());
            RunSummary summary = DistestRunner.forTerminal(build.log(), build.session().getRequest().isInteractiveMode())
                    .run(request, affected == null ? List.of() : List.of(affected.recorder()));
            if (affected != null) {
                affected.finish(); // before the verdict: a class that failed must run next time
            }
            if (share != null) {
                sliceJob().finish(summary.classesWithoutTests(), affected == null ? List.of() : affected.notRun());
            }
            if (build.pluginContext() != null && build.plugin() == TestPlugin.SUREFIRE) {
                build.pluginContext().put(GoalContext.UNIT_TESTS_RAN_ON, String.join(", ", specTexts));
            }
            goal.verdict(summary);
        } catch (DistestException | IOException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    /** The one value the run is asked with: the parameters as the translation of Surefire's settings left them. */
    private RunRequest request(List<TxSpec> specs, List<TestUnit> units, SurefireTranslation plan, SliceShare share,
            Path workDirectory, List<Path> classpath, Path workerJar, boolean dependencyAgent, String surefireVersion)
            throws MojoExecutionException {
        ProviderRun providerRun = plan.providerRun();
        ProviderChoice provider = plan.provider();
        GoalSettings.Jvm jvm = settings.jvm();
        GoalSettings.Reports reports = settings.reports();
        Path timelinePage = reports.timeline() ? TimelinePage.of(workDirectory, build.executionId()) : null;
        String token = Optional.ofNullable(settings.remote().token()).orElseGet(() -> System.getenv(Protocol.TOKEN_ENV));
        return new RunRequest(specs, units, classpath, workerJar,
                new JvmSettings(plan.jvmArguments(), plan.systemProperties(), jvm.environmentVariables(),
                        jvm.workingDirectory().toPath(), Set.copyOf(names(jvm.excludedEnvironmentVariables())),
                        dependencyAgent),
                new TestFilters(plan.includeTags(), plan.excludeTags(), plan.configurationParameters(),
                        names(jvm.includeJUnit5Engines()), names(jvm.excludeJUnit5Engines()),
                        provider.kind() == ProviderChoice.Kind.JUNIT_PLATFORM,
                        provider.rules() == PlatformRules.UNIFIED),
                new ReportOptions(reports.reportsDirectory().toPath(), reports.trimStackTrace(),
                        reports.redirectTestOutputToFile(), reports.reportNameSuffix(), timelinePage,
                        ReportNaming.of(surefireVersion, provider.kind())),
                workDirectory, workerPolicy(specs), runPolicy(),
                new RemoteSettings(syncSettings(), token, sshOptions()),
                sliced(speedOptions(providerRun == null), share),
                "each".equals(settings.distribution().dist()) ? Dist.EACH : Dist.LOAD, providerRun);
    }

    /** Restarts (by default a few per worker), the start timeout and the fallback to local workers. */
    private WorkerPolicy workerPolicy(List<TxSpec> specs) {
        GoalSettings.Distribution distribution = settings.distribution();
        int restarts = distribution.maxWorkerRestart() != null ? distribution.maxWorkerRestart()
                : Parameters.MAX_WORKER_RESTART_PER_WORKER * specs.stream().mapToInt(TxSpec::count).sum();
        return new WorkerPolicy(restarts, Duration.ofSeconds(distribution.startTimeout()),
                distribution.fallbackToLocal());
    }

    private RunPolicy runPolicy() {
        GoalSettings.Distribution distribution = settings.distribution();
        return new RunPolicy(distribution.reuseForks(), Duration.ofSeconds(distribution.timeout()),
                Duration.ofSeconds(distribution.forkedProcessTimeoutInSeconds()),
                settings.surefire().rerunFailingTestsCount(), distribution.skipAfterFailureCount());
    }

    /** {@code distest.affected}'s selection, over the records beside the durations history. */
    private AffectedTests affectedTests(SurefireTranslation plan, List<TxSpec> specs, List<Path> classpath,
            Path workerJar, Path workDirectory) throws IOException, MojoExecutionException {
        GoalSettings.Jvm jvm = settings.jvm();
        Map<String, String> environment = new LinkedHashMap<>(jvm.environmentVariables());
        names(jvm.excludedEnvironmentVariables()).forEach(name -> environment.put("-" + name, ""));
        Map<String, String> selection = new LinkedHashMap<>(plan.configurationParameters());
        selection.put("(groups)", String.join(",", plan.includeTags()));
        selection.put("(excludedGroups)", String.join(",", plan.excludeTags()));
        selection.put("(engines)", names(jvm.includeJUnit5Engines()) + " -" + names(jvm.excludeJUnit5Engines()));
        selection.put("(provider)", String.valueOf(plan.provider().providerArtifact()));
        String execution = build.executionId();
        try {
            return new AffectedTests(AffectedTests.recordsFile(settings.speed().historyFile().toPath(), execution),
                    AffectedTests.listingFile(workDirectory, execution),
                    BuildInputs.of(build.project(), classpath,
                            specs.stream().flatMap(spec -> spec.java().stream()).toList(), plan.jvmArguments(),
                            plan.systemProperties(), environment, selection,
                            build.distestVersion() + " " + Sha256.hexOf(workerJar)),
                    classpath, build.project().getBasedir().toPath(), settings.speed().affectedFullRunEvery(),
                    build.log(), System::currentTimeMillis);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    /** Classes the build narrows to some methods ({@code -Dtest=Class#method}): always run, never recorded as passed. */
    private static Set<String> partialClasses(List<TestUnit> units) {
        return units.stream().filter(unit -> !unit.includeMethods().isEmpty() || !unit.excludeMethods().isEmpty())
                .map(TestUnit::className).collect(java.util.stream.Collectors.toSet());
    }

    /**
     * @param splittable whether classes may be split by method (never under TestNG: its methods depend on each
     *     other)
     */
    private SpeedOptions speedOptions(boolean splittable) throws MojoExecutionException {
        GoalSettings.Speed speed = settings.speed();
        SpeedOptions.History mode = switch (speed.history().trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> SpeedOptions.History.USE;
            case "read" -> SpeedOptions.History.READ_ONLY;
            case "false" -> SpeedOptions.History.OFF;
            default -> throw new MojoExecutionException(
                    Parameters.HISTORY + "=\"" + speed.history()
                            + "\" is not a history mode; use true (default), read or false");
        };
        boolean split = switch (speed.splitClasses().trim().toLowerCase(java.util.Locale.ROOT)) {
            case "auto" -> true;
            case "never" -> false;
            default -> throw new MojoExecutionException(
                    Parameters.SPLIT_CLASSES + "=\"" + speed.splitClasses()
                            + "\" is not a split mode; use auto (default) or never");
        };
        if (!(speed.minTestSecondsPerWorker() >= 0) || Double.isInfinite(speed.minTestSecondsPerWorker())) {
            throw new MojoExecutionException(Parameters.MIN_TEST_SECONDS_PER_WORKER + "="
                    + speed.minTestSecondsPerWorker() + " is not a number of seconds >= 0; use e.g. 3 (default), or 0 to start every worker");
        }
        return new SpeedOptions(speed.historyFile().toPath(), mode, split && splittable, speed.noSplit(),
                settings.classpath().testClassesDirectory().toPath(), speed.minTestSecondsPerWorker());
    }

    /**
     * This job's share when the build asks for a slice (its record written for the merge goal), else {@code null}.
     */
    private SliceShare sliceShare(List<TestUnit> units, Path workDirectory) throws MojoExecutionException {
        String slice = settings.distribution().slice();
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
            build.log().info("distest: " + Slice.implicitReason(System.getenv()));
        }
        boolean withHistory = speedOptions(true).history() != SpeedOptions.History.OFF;
        try {
            GoalSettings.Reports reports = settings.reports();
            return sliceJob().start(asked.get(), units, withHistory ? settings.speed().historyFile().toPath() : null,
                    reports.reportsDirectory().toPath(), reports.timeline() ? TimelineObserver.jsonBeside(
                            TimelinePage.of(workDirectory, build.executionId())) : null);
        } catch (IOException e) {
            throw new MojoExecutionException("distest: " + e.getMessage(), e);
        }
    }

    private SliceJob sliceJob() {
        return new SliceJob(Path.of(build.project().getBuild().getDirectory()), build.executionId());
    }

    /** A slice's speed options also leave the run's durations below {@code target} for the merge goal. */
    private SpeedOptions sliced(SpeedOptions speed, SliceShare share) {
        return share == null ? speed : speed.withSliceDurationsFile(sliceJob().durationsFile());
    }

    private SshOptions sshOptions() throws MojoExecutionException {
        GoalSettings.Remote remote = settings.remote();
        if (remote.sshLinger() < 0 || remote.sshLinger() > Parameters.SSH_LINGER_MAX_SECONDS) {
            throw new MojoExecutionException(Parameters.SSH_LINGER + "=" + remote.sshLinger() + " is not a linger time:"
                    + " give the seconds (0 to " + Parameters.SSH_LINGER_MAX_SECONDS + ") the far worker server stays"
                    + " after a build, 0 to end it with the build");
        }
        return SshOptions.of(remote.sshConfig().toPath(), remote.knownHosts().toPath(),
                remote.sshIdentities().stream().map(File::toPath).toList(), remote.acceptNewHostKeys(),
                Duration.ofSeconds(remote.sshLinger()));
    }

    private SyncSettings syncSettings() {
        MavenProject top = build.session().getTopLevelProject();
        Path projectRoot = top != null && top.getBasedir() != null ? top.getBasedir().toPath()
                : build.project().getBasedir().toPath();
        return new SyncSettings(build.repositorySession().getLocalRepository().getBasedir().toPath(), projectRoot,
                build.project().getBasedir().toPath(), settings.remote().rsyncDirs().stream().map(Path::of).toList(),
                settings.remote().rsyncIgnores());
    }

    private List<TxSpec> specs() throws MojoExecutionException {
        GoalSettings.Distribution distribution = settings.distribution();
        List<TxSpec> specs;
        try {
            specs = TxActivation.specs(distribution.tx(),
                    build.session().getUserProperties().getProperty(Parameters.TX), distribution.n(),
                    distribution.slice());
        } catch (TxSpecException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        switch (distribution.dist()) {
            case "load" -> { }
            case "no" -> specs = List.of(TxSpecs.parse("popen"));
            case "each" -> {
                if (specs.size() < 2) {
                    build.log().warn("distest: dist=each with a single tx spec runs every test once: name one spec"
                            + " per platform, e.g. -D" + Parameters.TX + "=popen,popen//java=/opt/jdk-25/bin/java");
                }
            }
            default -> throw new MojoExecutionException(
                    Parameters.DIST + "=\"" + distribution.dist()
                            + "\" is not a distribution mode; use load (default), each or no");
        }
        if (specs.isEmpty() && "default-cli".equals(build.executionId())) {
            throw new MojoExecutionException("distest:" + build.plugin().goal() + " needs gateways: add -D"
                    + Parameters.TX + "=2*popen (or another tx spec) or -D" + Parameters.N + "=auto");
        }
        if (specs.isEmpty()) {
            build.log().info("distest: no tx spec (-D" + Parameters.TX + ", -D" + Parameters.N
                    + " or <tx>); nothing to run here");
        }
        return goal.gatewaysFor(specs);
    }

    /**
     * The project's test class path plus what runs it: one of Surefire's providers (as in Surefire's forks), or the
     * JUnit Platform launcher and engines.
     *
     * @param providerArtifact Surefire's provider ({@code groupId:artifactId}), or {@code null} for the JUnit Platform
     * @param rules the engine rules of the project's Surefire version
     */
    private List<Path> testClasspath(String providerArtifact, PlatformRules rules) throws MojoExecutionException {
        GoalSettings.Classpath configured = settings.classpath();
        List<Path> classpath = new ArrayList<>(TestClasspath.of(configured.testClassesDirectory().toPath(),
                configured.classesDirectory().toPath(), build.project().getArtifacts(),
                configured.classpathDependencyScopeExclude(), configured.classpathDependencyExcludes(),
                configured.additionalClasspathElements(), build.project().getBasedir().toPath()));
        if (providerArtifact != null) {
            classpath.addAll(new ProviderResolver(build.repositorySystem(), build.repositorySession())
                    .resolve(providerArtifact, build.project(), projectArtifactVersions().keySet()));
        } else {
            classpath.addAll(new EngineResolver(build.repositorySystem(), build.repositorySession())
                    .resolveMissing(build.project(), rules, build.log()::info));
        }
        return classpath;
    }

    /** The project's test class path as {@code groupId:artifactId} to version. */
    private Map<String, String> projectArtifactVersions() {
        Map<String, String> versions = new LinkedHashMap<>();
        build.project().getArtifacts().forEach(a ->
                versions.put(a.getGroupId() + ":" + a.getArtifactId(), a.getBaseVersion()));
        return versions;
    }

    /** Surefire's list settings: entries trimmed, blank ones dropped. */
    private static List<String> names(List<String> configured) {
        return configured == null ? List.of()
                : configured.stream().filter(n -> n != null && !n.isBlank()).map(String::trim).toList();
    }
}
