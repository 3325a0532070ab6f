package io.distest.maven;

import io.distest.maven.surefire.TestPlugin;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;

/**
 * The build a test goal runs in, as Maven hands it to the mojo.
 *
 * @param plugin the plugin the goal stands in for (Surefire or Failsafe)
 * @param executionId the mojo's execution ({@code default-cli} for the command-line goal)
 * @param distestVersion this plugin's version
 * @param pluginContext shared by the plugin's goals in this module's build; {@code null} outside a build
 */
record GoalContext(MavenProject project, MavenSession session, RepositorySystem repositorySystem,
        RepositorySystemSession repositorySession, TestPlugin plugin, String executionId, String distestVersion,
        Log log, Map<Object, Object> pluginContext) {

    /** Plugin-context key: the tx specs the unit tests of this module ran on in this build. */
    static final String UNIT_TESTS_RAN_ON = GoalContext.class.getName() + ".unitTestsRanOn";
}
