package io.distest.maven.surefire;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.maven.MavenExecutionException;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;

class SurefireTakeoverTest {

    @Test
    void acceptsAModelWhereDistestRunsInsteadOfSurefire() {
        MavenProject project = project(execution("default-test"), execution("default-test", "test"));
        assertDoesNotThrow(() -> SurefireTakeover.requireTakenOver(project, List.of("default-test")));
    }

    @Test
    void failsTheBuildWhenTheDistestExecutionDidNotReachTheModel() {
        MavenProject project = project(execution("default-test"), null);
        MavenExecutionException e = assertThrows(MavenExecutionException.class,
                () -> SurefireTakeover.requireTakenOver(project, List.of("default-test")));
        assertTrue(e.getMessage().contains("distest:test (default-test) was not added"), e.getMessage());
        assertTrue(e.getMessage().contains("Run without distest.tx"), e.getMessage());
    }

    @Test
    void failsTheBuildWhenSurefireWouldStillRunTheSameExecution() {
        MavenProject project = project(execution("default-test", "test"), execution("default-test", "test"));
        MavenExecutionException e = assertThrows(MavenExecutionException.class,
                () -> SurefireTakeover.requireTakenOver(project, List.of("default-test")));
        assertTrue(e.getMessage().contains("maven-surefire-plugin:test (default-test) was not removed"), e.getMessage());
    }

    @Test
    void failsTheBuildWhenFailsafeWouldStillRunItsIntegrationTests() {
        MavenProject project = project(execution("default-test"), execution("default-test", "test"));
        project.getBuild().addPlugin(plugin("org.apache.maven.plugins", "maven-failsafe-plugin",
                execution("default", "integration-test", "verify")));
        MavenExecutionException e = assertThrows(MavenExecutionException.class,
                () -> SurefireTakeover.requireTakenOver(project, TestPlugin.FAILSAFE, List.of("default")));
        assertTrue(e.getMessage().contains("distest:integration-test (default) was not added"), e.getMessage());
        assertTrue(e.getMessage().contains("maven-failsafe-plugin:integration-test (default) was not removed"),
                e.getMessage());
        assertTrue(e.getMessage().contains("let Failsafe run"), e.getMessage());
    }

    private static MavenProject project(PluginExecution surefireExecution, PluginExecution distestExecution) {
        Model model = new Model();
        model.setArtifactId("module-a");
        Build build = new Build();
        build.addPlugin(plugin("org.apache.maven.plugins", "maven-surefire-plugin", surefireExecution));
        build.addPlugin(plugin("io.distest", "distest-maven-plugin", distestExecution));
        model.setBuild(build);
        return new MavenProject(model);
    }

    private static Plugin plugin(String groupId, String artifactId, PluginExecution execution) {
        Plugin plugin = new Plugin();
        plugin.setGroupId(groupId);
        plugin.setArtifactId(artifactId);
        if (execution != null) {
            plugin.addExecution(execution);
        }
        return plugin;
    }

    private static PluginExecution execution(String id, String... goals) {
        PluginExecution execution = new PluginExecution();
        execution.setId(id);
        for (String goal : goals) {
            execution.addGoal(goal);
        }
        return execution;
    }
}
