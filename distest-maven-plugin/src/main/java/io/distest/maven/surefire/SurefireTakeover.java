package io.distest.maven.surefire;

import io.distest.maven.gateway.ssh.EarlySsh;
import io.distest.maven.gateway.ssh.EarlySshStarts;
import io.distest.maven.gateway.ssh.SshOptions;
import io.distest.maven.parameter.Parameters;
import io.distest.maven.standby.EarlyWorkers;
import io.distest.maven.standby.Standbys;
import io.distest.maven.tx.Transport;
import io.distest.maven.tx.TxSpec;
import io.distest.maven.tx.TxSpecException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
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
 * each Surefire {@code test} execution with a distest execution of the same id and phase, and each Failsafe
 * {@code integration-test} execution with distest's {@code integration-test} (Failsafe's {@code verify} stays). The Surefire execution
 * stays in the model without its goal: at run time {@code distest:test} inherits its configuration by that id (see
 * {@link SurefireSettings}), so the take-over and the command-line goal inherit alike. Without gateways nothing
 * changes.
 */
public class SurefireTakeover extends AbstractMavenLifecycleParticipant {
    public static final String DISTEST = "io.distest:distest-maven-plugin";
    static final String SUREFIRE = SurefireSettings.SUREFIRE;

    private Logger logger;

    @Override
    public void afterProjectsRead(MavenSession session) throws MavenExecutionException {
        String commandLineTx = session.getUserProperties().getProperty(Parameters.TX);
        String commandLineN = session.getUserProperties().getProperty(Parameters.N);
        String commandLineSlice = session.getUserProperties().getProperty(Parameters.SLICE);
        boolean early = EarlySsh.wanted(session);
        Set<Path> withLocalWorkers = new LinkedHashSet<>();
        for (MavenProject project : session.getProjects()) {
            Plugin distest = project.getPlugin(DISTEST);
            if (distest != null) {
                List<TxSpec> specs = takeOver(project, distest, commandLineTx, commandLineN, commandLineSlice);
                if (early) {
                    startSshEarly(session, project, distest, specs);
                }
                if (specs.stream().anyMatch(spec -> spec.transport() instanceof Transport.Popen)) {
                    withLocalWorkers.add(project.getBasedir().toPath());
                }
            }
        }
        if (EarlyWorkers.wanted(session)) {
            EarlyWorkers.install(session.getRequest(), withLocalWorkers, logger);
        }
    }

    @Override
    public void afterSessionEnd(MavenSession session) {
        EarlySshStarts.closeAll();
        Standbys.endAll();
    }

    /**
     * Opens the module's ssh gateways now, beside compile and test-compile, for its test run to claim. Never fails
     * the build: a setting it cannot read here, the run reads and reports itself.
     */
    private void startSshEarly(MavenSession session, MavenProject project, Plugin distest, List<TxSpec> specs) {
        List<TxSpec> ssh = specs.stream().filter(spec -> spec.transport() instanceof Transport.Ssh).toList();
        if (ssh.isEmpty()) {
            return;
        }
        try {
            SshOptions options = EarlySsh.options(project, (Xpp3Dom) distest.getConfiguration(), session);
            for (TxSpec spec : ssh) {
                if (EarlySshStarts.begin(spec, options)) {
                    logger.debug("distest: connecting to " + spec.text() + " beside the build's earlier phases (-D"
                            + Parameters.SSH_EARLY + "=false: in the test phase)");
                }
            }
        } catch (RuntimeException e) {
            logger.debug("distest: no early ssh start for " + project.getArtifactId() + ": " + e);
        }
    }

    /**
     * Takes over the module's test executions; returns the tx specs its unit tests now run on (none when it asks for
     * no gateways or has no Surefire test execution: integration tests alone may stay on this machine).
     */
    private List<TxSpec> takeOver(MavenProject project, Plugin distest, String commandLineTx, String commandLineN,
            String commandLineSlice) throws MavenExecutionException {
        Xpp3Dom configuration = (Xpp3Dom) distest.getConfiguration();
        List<TxSpec> specs;
        try {
            specs = TxActivation.specs(configuredTx(configuration),
                    commandLineTx, commandLineN != null ? commandLineN : childValue(configuration, "n"),
                    commandLineSlice != null ? commandLineSlice : childValue(configuration, "slice"));
        } catch (TxSpecException e) {
            throw new MavenExecutionException(e.getMessage(), project.getFile());
        }
        if (specs.isEmpty()) {
            return specs; // no gateways asked for: Surefire runs the tests as before
        }
        boolean unitTests = false;
        for (TestPlugin plugin : TestPlugin.values()) {
            // a view taken afresh: on Maven 4 the one taken before the previous plugin's take-over is stale
            boolean taken = takeOver(project, plugin, project.getPlugin(DISTEST), configuration, specs);
            unitTests |= taken && plugin == TestPlugin.SUREFIRE;
        }
        return unitTests ? specs : List.of();
    }

    /**
     * Replaces every execution of {@code plugin}'s goal with distest's goal of the same name, id and phase; returns
     * whether there was one.
     */
    private boolean takeOver(MavenProject project, TestPlugin plugin, Plugin distest, Xpp3Dom configuration,
            List<TxSpec> specs) throws MavenExecutionException {
        List<String> taken = new ArrayList<>();
        Map<String, List<String>> reportNames = new LinkedHashMap<>(); // reportsDirectory + suffix -> executions
        Plugin surefire = project.getPlugin(plugin.key());
        if (surefire != null) {
            for (PluginExecution execution : surefire.getExecutions()) {
                if (execution.getGoals().contains(plugin.goal())) {
                    PluginExecution existing = distest.getExecutionsAsMap().get(execution.getId());
                    if (existing != null) {
                        existing.addGoal(plugin.goal()); // e.g. Surefire's and Failsafe's executions both named "default"
                    } else {
                        distest.addExecution(replacement(execution, configuration, plugin.goal()));
                    }
                    distest.flushExecutionMap();
                    taken.add(execution.getId());
                    reportNames.computeIfAbsent(reportNames(execution, configuration), k -> new ArrayList<>())
                            .add(execution.getId());
                }
            }
            // Maven 4's model objects are views of an immutable model: a view taken before a change elsewhere in
            // the model writes into a stale copy. So the plugin's goals are removed through a view taken afresh.
            Plugin current = project.getPlugin(plugin.key());
            for (PluginExecution execution : current.getExecutions()) {
                if (taken.contains(execution.getId())) {
                    execution.getGoals().remove(plugin.goal());
                }
            }
            current.flushExecutionMap();
        }
        if (taken.isEmpty()) {
            if (plugin == TestPlugin.SUREFIRE) {
                logger.info("distest: " + project.getArtifactId() + " has no Surefire test execution to take over");
            }
            return false;
        }
        requireTakenOver(project, plugin, taken);
        logger.info("distest: " + project.getArtifactId() + ": " + plugin.artifactId() + ":" + plugin.goal() + " ("
                + String.join(", ", taken) + ") taken over by distest:" + plugin.goal() + " on "
                + specs.stream().map(TxSpec::text).collect(Collectors.joining(", ")));
        for (List<String> sharing : reportNames.values()) {
            if (sharing.size() > 1) {
                logger.info("distest: " + project.getArtifactId() + ": executions " + String.join(", ", sharing)
                        + " write TEST-*.xml under the same names into the same reportsDirectory: a later run's report"
                        + " of a class replaces an earlier one's, as with " + plugin.displayName() + " (give each a"
                        + " reportNameSuffix or a reportsDirectory of its own to keep all)");
            }
        }
        return true;
    }

    /**
     * Reads the model afresh and fails unless every taken execution now runs distest and not Surefire: a Maven whose
     * model silently dropped a change would otherwise run no tests, or every test twice, and pass.
     */
    static void requireTakenOver(MavenProject project, List<String> taken) throws MavenExecutionException {
        requireTakenOver(project, TestPlugin.SUREFIRE, taken);
    }

    static void requireTakenOver(MavenProject project, TestPlugin plugin, List<String> taken)
            throws MavenExecutionException {
        List<String> problems = new ArrayList<>();
        Plugin distest = project.getPlugin(DISTEST);
        Plugin surefire = project.getPlugin(plugin.key());
        String goal = plugin.goal();
        for (String id : taken) {
            if (!goalsOf(distest, id).contains(goal)) {
                problems.add("distest:" + goal + " (" + id + ") was not added");
            }
            if (goalsOf(surefire, id).contains(goal)) {
                problems.add(plugin.artifactId() + ":" + goal + " (" + id + ") was not removed");
            }
        }
        if (!problems.isEmpty()) {
            throw new MavenExecutionException("distest could not take over " + plugin.displayName() + " in " + project.getArtifactId()
                    + " on Maven " + mavenVersion() + ": " + String.join("; ", problems) + ". Rather than run no"
                    + " tests (or every test twice), the build stops. Run without distest.tx to let " + plugin.displayName() + " run the"
                    + " tests, and report this Maven version to distest.", project.getFile());
        }
    }

    private static List<String> goalsOf(Plugin plugin, String executionId) {
        if (plugin == null) {
            return List.of();
        }
        return plugin.getExecutions().stream().filter(e -> executionId.equals(e.getId()))
                .flatMap(e -> e.getGoals().stream()).toList();
    }

    private static String mavenVersion() {
        Properties properties = new Properties();
        try (InputStream in = MavenSession.class.getResourceAsStream(
                "/META-INF/maven/org.apache.maven/maven-core/pom.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // only used in a message
        }
        return properties.getProperty("version", "(unknown version)");
    }

    /** Where an execution's reports go and how they are named, as configured (distest's own settings winning). */
    private static String reportNames(PluginExecution execution, Xpp3Dom distestConfiguration) {
        StringBuilder key = new StringBuilder();
        for (String name : List.of("reportsDirectory", "reportNameSuffix")) {
            String value = childValue(distestConfiguration, name);
            if (value == null && execution.getConfiguration() instanceof Xpp3Dom surefireConfiguration) {
                value = childValue(surefireConfiguration, name);
            }
            key.append(value == null ? "" : value.trim()).append('\n');
        }
        return key.toString();
    }

    /**
     * A distest execution with the Surefire execution's id and phase and distest's own (plugin-level) configuration:
     * an execution added after the model was built does not get the plugin-level configuration by itself.
     */
    private static PluginExecution replacement(PluginExecution surefireExecution, Xpp3Dom distestConfiguration,
            String goal) {
        PluginExecution execution = new PluginExecution();
        execution.setId(surefireExecution.getId());
        execution.setPhase(surefireExecution.getPhase());
        execution.addGoal(goal);
        execution.setConfiguration(distestConfiguration == null ? new Xpp3Dom("configuration")
                : new Xpp3Dom(distestConfiguration));
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
