package io.distest.maven;

import io.distest.maven.remote.SshOptions;
import io.distest.maven.run.DistestException;
import io.distest.maven.run.DistestRunner;
import io.distest.maven.run.JvmSettings;
import io.distest.maven.run.RemoteSettings;
import io.distest.maven.run.ReportOptions;
import io.distest.maven.run.RunRequest;
import io.distest.maven.run.RunSummary;
import io.distest.maven.run.SyncSettings;
import io.distest.maven.run.TestFilters;
import io.distest.maven.run.TestSelection;
import io.distest.maven.run.WorkerPolicy;
import io.distest.maven.schedule.TestUnit;
import io.distest.maven.tx.TxSpec;
import io.distest.maven.tx.Arguments;
import io.distest.maven.tx.TxSpecException;
import io.distest.maven.tx.TxSpecs;
import io.distest.protocol.Protocol;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
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
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;

/**
 * Runs the module's tests on the gateways named by {@code distest.tx} / {@code distest.n}, reported as Surefire
 * would. Surefire's settings of the execution it replaces arrive as this mojo's parameters of the same names.
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

    /** How tests are spread: {@code load} (a shared queue) or {@code no} (one local worker). */
    @Parameter(property = "distest.dist", defaultValue = "load")
    private String dist;

    /** How many crashed workers are replaced before the run gives up; default: 4 per worker. */
    @Parameter(property = "distest.maxWorkerRestart")
    private Integer maxWorkerRestart;

    /** Surefire's {@code reuseForks}: {@code false} runs every test class in a fresh worker JVM. */
    @Parameter(property = "reuseForks", defaultValue = "true")
    private boolean reuseForks;

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

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip || skipTests || skipExec) {
            getLog().info("Tests are skipped.");
            return;
        }
        List<TxSpec> specs = specs();
        if (specs.isEmpty()) {
            return;
        }
        List<TestUnit> units = TestSelection.select(testClassesDirectory.toPath(), includes, excludes, test);
        if (units.isEmpty()) {
            noTests();
            return;
        }
        try {
            Path workDirectory = Path.of(project.getBuild().getDirectory(), "distest");
            RunRequest request = new RunRequest(specs, units, testClasspath(), WorkerJar.extractTo(workDirectory),
                    new JvmSettings(Arguments.split(argLine), systemPropertyVariables, environmentVariables,
                            workingDirectory.toPath()),
                    new TestFilters(commaList(groups), commaList(excludedGroups), Map.of()),
                    new ReportOptions(reportsDirectory.toPath(), trimStackTrace, redirectTestOutputToFile),
                    workDirectory,
                    new WorkerPolicy(maxWorkerRestart != null ? maxWorkerRestart
                            : 4 * specs.stream().mapToInt(TxSpec::count).sum(), Duration.ofSeconds(startTimeout), reuseForks),
                    new RemoteSettings(syncSettings(), token != null ? token : System.getenv(Protocol.TOKEN_ENV),
                            sshOptions()));
            verdict(new DistestRunner(getLog()).run(request));
        } catch (DistestException | IOException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    private SshOptions sshOptions() {
        SshOptions defaults = SshOptions.defaults();
        return defaults.withSshConfig(sshConfig.toPath())
                .withKnownHosts(knownHosts.toPath())
                .withIdentities(sshIdentities.isEmpty() ? defaults.identities()
                        : sshIdentities.stream().map(File::toPath).toList())
                .withAcceptNewHostKeys(acceptNewHostKeys);
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
            specs = TxActivation.specs(tx, session.getUserProperties().getProperty("distest.tx"), n);
        } catch (TxSpecException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        switch (dist) {
            case "load" -> { }
            case "no" -> specs = List.of(TxSpecs.parse("popen"));
            case "each" -> throw new MojoExecutionException(
                    "distest.dist=each is not available in this version of distest; use load or no");
            default -> throw new MojoExecutionException(
                    "distest.dist=\"" + dist + "\" is not a distribution mode; use load (default), each or no");
        }
        if (specs.isEmpty() && "default-cli".equals(mojoExecution.getExecutionId())) {
            throw new MojoExecutionException("distest:test needs gateways: add -Ddistest.tx=2*popen (or another tx spec)"
                    + " or -Ddistest.n=auto");
        }
        if (specs.isEmpty()) {
            getLog().info("distest: no tx spec (-Ddistest.tx, -Ddistest.n or <tx>); nothing to run here");
        }
        return specs;
    }

    private List<Path> testClasspath() throws MojoExecutionException {
        List<Path> classpath = new ArrayList<>();
        try {
            for (String element : project.getTestClasspathElements()) {
                classpath.add(Path.of(element));
            }
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("the test class path of " + project.getId() + " is not resolved", e);
        }
        classpath.addAll(new EngineResolver(repositorySystem, repositorySession).resolveMissing(project));
        return classpath;
    }

    private void noTests() throws MojoFailureException {
        if (test != null && !test.isBlank() && failIfNoSpecifiedTests) {
            throw new MojoFailureException("No tests matching pattern \"" + test + "\" were executed! (Set "
                    + "-Dsurefire.failIfNoSpecifiedTests=false to ignore this error.)");
        }
        if (failIfNoTests) {
            throw new MojoFailureException("No tests to run! (failIfNoTests is set)");
        }
        getLog().info("No tests to run.");
    }

    private void verdict(RunSummary summary) throws MojoFailureException {
        if (summary.notRunReason() != null) {
            throw new MojoFailureException("Some tests did not run: " + summary.notRunReason()
                    + ". See " + reportsDirectory + " for which.");
        }
        if (summary.tests() == 0) {
            noTests();
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

    private static List<String> commaList(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return List.of(value.trim().split("\\s*,\\s*"));
    }
}
