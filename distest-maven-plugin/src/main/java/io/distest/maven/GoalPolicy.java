package io.distest.maven;

import io.distest.maven.run.RunSummary;
import io.distest.maven.tx.TxSpec;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/** What the test and integration-test goals decide differently: the gateways they run on and their verdict. */
interface GoalPolicy {
    /** The gateways this goal runs on, of those the build names. */
    List<TxSpec> gatewaysFor(List<TxSpec> specs);

    /** No test was selected, or none ran. */
    void noTests() throws MojoFailureException;

    /** Judges the run: fails the build, or leaves that to a later goal. */
    void verdict(RunSummary summary) throws MojoFailureException, MojoExecutionException;
}
