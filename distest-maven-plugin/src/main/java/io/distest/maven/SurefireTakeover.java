package io.distest.maven;

import io.distest.maven.tx.TxSpec;
import io.distest.maven.tx.TxSpecException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.maven.AbstractMavenLifecycleParticipant;
import org.apache.maven.MavenExecutionException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.logging.Logger;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * In every module that declares distest (with {@code <extensions>true</extensions>}) and asks for gateways, replaces
 * each Surefire {@code test} execution with a distest execution of the same id, carrying over the Surefire settings
 * distest understands. Distest's own configuration wins over Surefire's. Without gateways nothing changes.
 */
public class SurefireTakeover extends AbstractMavenLifecycleParticipant {
    static final String DISTEST = "io.distest:distest-maven-plugin";
    static final String SUREFIRE = "org.apache.maven.plugins:maven-surefire-plugin";

    /** Surefire parameters with the same name and meaning in distest's test goal. */
    static final Set<String> INHERITED = Set.of("argLine", "systemPropertyVariables", "environmentVariables",
            "workingDirectory", "includes", "excludes", "test", "groups", "excludedGroups", "failIfNoTests",
            "failIfNoSpecifiedTests", "testFailureIgnore", "skipTests", "skip", "skipExec", "reportsDirectory",
            "testClassesDirectory", "trimStackTrace", "redirectTestOutputToFile");

    private Logger logger;

    @Override
    public void afterProjectsRead(MavenSession session) throws MavenExecutionException {
        String commandLineTx = session.getUserProperties().getProperty("distest.tx");
        String commandLineN = session.getUserProperties().getProperty("distest.n");
        for (MavenProject project : session.getProjects()) {
            Plugin distest = project.getPlugin(DISTEST);
            if (distest != null) {
                takeOver(project, distest, commandLineTx, commandLineN);
            }
        }
    }

    private void takeOver(MavenProject project, Plugin distest, String commandLineTx, String commandLineN)
            throws MavenExecutionException {
        Xpp3Dom configuration = (Xpp3Dom) distest.getConfiguration();
        List<TxSpec> specs;
        try {
            specs = TxActivation.specs(configuredTx(configuration),
                    commandLineTx, commandLineN != null ? commandLineN : childValue(configuration, "n"));
        } catch (TxSpecException e) {
            throw new MavenExecutionException(e.getMessage(), project.getFile());
        }
        if (specs.isEmpty()) {
            return; // no gateways asked for: Surefire runs the tests as before
        }
        List<String> taken = new ArrayList<>();
        Plugin surefire = project.getPlugin(SUREFIRE);
        if (surefire != null) {
            for (PluginExecution execution : surefire.getExecutions()) {
                if (execution.getGoals().remove("test")) {
                    distest.addExecution(replacement(execution, configuration));
                    taken.add(execution.getId());
                }
            }
            surefire.flushExecutionMap();
        }
        distest.flushExecutionMap();
        if (taken.isEmpty()) {
            logger.info("distest: " + project.getArtifactId() + " has no Surefire test execution to take over");
            return;
        }
        logger.info("distest: " + project.getArtifactId() + ": maven-surefire-plugin:test (" + String.join(", ", taken)
                + ") taken over by distest:test on " + specs.stream().map(TxSpec::text).collect(Collectors.joining(", ")));
    }

    private static PluginExecution replacement(PluginExecution surefireExecution, Xpp3Dom distestConfiguration) {
        PluginExecution execution = new PluginExecution();
        execution.setId(surefireExecution.getId());
        execution.setPhase(surefireExecution.getPhase());
        execution.addGoal("test");
        Xpp3Dom inherited = new Xpp3Dom("configuration");
        if (surefireExecution.getConfiguration() instanceof Xpp3Dom surefireConfiguration) {
            for (Xpp3Dom child : surefireConfiguration.getChildren()) {
                if (INHERITED.contains(child.getName())) {
                    inherited.addChild(new Xpp3Dom(child));
                }
            }
        }
        Xpp3Dom own = distestConfiguration == null ? new Xpp3Dom("configuration") : new Xpp3Dom(distestConfiguration);
        execution.setConfiguration(Xpp3Dom.mergeXpp3Dom(own, inherited));
        return execution;
    }

    private static List<String> configuredTx(Xpp3Dom configuration) {
        List<String> specs = new ArrayList<>();
        Xpp3Dom tx = configuration == null ? null : configuration.getChild("tx");
        if (tx != null) {
            for (Xpp3Dom entry : tx.getChildren()) {
                specs.add(entry.getValue());
            }
            if (tx.getChildCount() == 0 && tx.getValue() != null) {
                specs.add(tx.getValue()); // <tx>2*popen,ssh=host</tx>
            }
        }
        return specs;
    }

    private static String childValue(Xpp3Dom configuration, String name) {
        Xpp3Dom child = configuration == null ? null : configuration.getChild(name);
        return child == null ? null : child.getValue();
    }
}
