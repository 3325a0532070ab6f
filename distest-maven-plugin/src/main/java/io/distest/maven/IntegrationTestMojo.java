package io.distest.maven;

import io.distest.maven.failsafe.FailsafeSummary;
import io.distest.maven.failsafe.IntegrationTestGateways;
import io.distest.maven.parameter.Parameters;
import io.distest.maven.run.RunSummary;
import io.distest.maven.surefire.TestPlugin;
import io.distest.maven.tx.TxSpec;
import java.io.File;
import java.io.IOException;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Runs the module's integration tests on the gateways, as Failsafe's {@code integration-test} would: Failsafe's
 * configuration, defaults ({@code **}{@code /IT*.java}, {@code *IT}, {@code *ITCase}; {@code target/failsafe-reports};
 * {@code -Dit.test}, {@code -DskipITs}) and class path (the packaged jar, not {@code target/classes}, once it exists).
 * A failing integration test does not fail this goal: it writes Failsafe's summary file, and {@code failsafe:verify}
 * fails the build after {@code post-integration-test} ran. From the command line ({@code default-cli}), where no
 * {@code verify} follows, failures fail the build here.
 */
@Mojo(name = "integration-test", defaultPhase = LifecyclePhase.INTEGRATION_TEST,
        requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
public class IntegrationTestMojo extends TestMojo {

    /** Set by an earlier execution of this goal in this module's build: later ones add to the summary file. */
    private static final String SUMMARY_IN_PROGRESS = IntegrationTestMojo.class.getName() + ".summaryInProgress";

    /** Skip running the integration tests (they are still compiled), as Failsafe's {@code skipITs}. */
    @Parameter(property = "skipITs", defaultValue = "false")
    private boolean skipITs;

    /** Where the summary for {@code failsafe:verify} goes, as Failsafe's {@code summaryFile}. */
    @Parameter(defaultValue = "${project.build.directory}/failsafe-reports/failsafe-summary.xml", required = true)
    private File summaryFile;

    /**
     * Run integration tests on remote gateways (ssh, socket, exec) too. By default they run on as many local workers
     * instead, because services that {@code pre-integration-test} started listen on this machine's
     * {@code localhost}, which a remote worker cannot reach.
     */
    @Parameter(property = Parameters.REMOTE_INTEGRATION_TESTS,
            defaultValue = Parameters.REMOTE_INTEGRATION_TESTS_DEFAULT)
    private boolean remoteIntegrationTests;

    @Override
    TestPlugin plugin() {
        return TestPlugin.FAILSAFE;
    }

    @Override
    boolean skipIntegrationTests() {
        return skipITs;
    }

    @Override
    public List<TxSpec> gatewaysFor(List<TxSpec> specs) {
        IntegrationTestGateways gateways = IntegrationTestGateways.of(specs, remoteIntegrationTests);
        if (gateways.note() != null) {
            if (remoteIntegrationTests) {
                getLog().warn("distest: execution " + executionId() + ": " + gateways.note());
            } else {
                getLog().info("distest: execution " + executionId() + ": " + gateways.note());
            }
        }
        Object unitTests = getPluginContext() == null ? null : getPluginContext().get(GoalContext.UNIT_TESTS_RAN_ON);
        if (unitTests != null) {
            getLog().info("distest: execution " + executionId() + ": the unit tests' workers (" + unitTests + ") are"
                    + " not reused: integration tests run with Failsafe's class path (the packaged jar) and settings, in"
                    + " JVMs of their own; local gateways need no connection or sync, remote ones send only what"
                    + " their cache lacks");
        }
        return gateways.specs();
    }

    @Override
    public void verdict(RunSummary summary) throws MojoFailureException, MojoExecutionException {
        if (summary.tests() == 0 && summary.notRunReason() == null) {
            noTests(); // as Failsafe: no summary file without tests
            return;
        }
        try {
            FailsafeSummary.of(summary).write(summaryFile.toPath(), getPluginContext().containsKey(SUMMARY_IN_PROGRESS));
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write the Failsafe summary " + summaryFile + ": " + e, e);
        }
        getPluginContext().put(SUMMARY_IN_PROGRESS, Boolean.TRUE);
        if ("default-cli".equals(executionId())) {
            super.verdict(summary); // no failsafe:verify follows the command-line goal
        } else if (!summary.passed()) {
            getLog().info("distest: integration test failures are recorded in " + summaryFile + ": the build goes on"
                    + " to post-integration-test, and failsafe:verify fails it"
                    + (testFailureIgnore() ? " unless testFailureIgnore is set" : ""));
        }
    }
}
