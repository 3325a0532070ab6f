package io.distest.maven.standby;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.maven.execution.AbstractExecutionListener;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.ExecutionEvent;
import org.apache.maven.execution.ExecutionListener;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.logging.console.ConsoleLogger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The module's standby workers start with its first mojo past clean and end with its build; Maven hears it all. */
class EarlyWorkersTest {
    @TempDir
    Path module;

    @AfterEach
    void forget() throws Exception {
        LaunchStore.ofThisUser().orElseThrow().write(module, List.of());
        Standbys.endUnclaimed(module);
    }

    @Test
    void standbyWorkersStartAfterCleanAndEndWithTheModulesBuildWhileMavensListenerHearsEveryEvent() throws Exception {
        LaunchStore.ofThisUser().orElseThrow().write(module, List.of(StandbysTest.launch(module, "gw0", List.of())));
        MavenExecutionRequest request = new DefaultMavenExecutionRequest();
        List<String> heard = new ArrayList<>();
        request.setExecutionListener(new AbstractExecutionListener() {
            @Override
            public void mojoStarted(ExecutionEvent event) {
                heard.add(event.getMojoExecution().getGoal());
            }

            @Override
            public void projectSucceeded(ExecutionEvent event) {
                heard.add("succeeded");
            }
        });
        EarlyWorkers.install(request, Set.of(module), new ConsoleLogger());
        ExecutionListener listener = request.getExecutionListener();
        MavenProject project = new MavenProject();
        project.setFile(module.resolve("pom.xml").toFile());

        listener.mojoStarted(event(ExecutionEvent.Type.MojoStarted, project, mojo("maven-clean-plugin", "clean", "clean")));
        assertEquals(List.of(), StandbysTest.standbyProcesses(module), "clean would delete what it starts on");

        listener.mojoStarted(event(ExecutionEvent.Type.MojoStarted, project,
                mojo("maven-resources-plugin", "resources", "process-resources")));
        List<ProcessHandle> started = StandbysTest.standbyProcesses(module);
        assertEquals(1, started.size());

        listener.projectSucceeded(event(ExecutionEvent.Type.ProjectSucceeded, project, null));
        started.get(0).onExit().get(30, TimeUnit.SECONDS);
        assertTrue(!started.get(0).isAlive(), "no run took it over: it ends with the module");
        assertEquals(List.of("clean", "resources", "succeeded"), heard);
    }

    private static MojoExecution mojo(String artifactId, String goal, String phase) {
        Plugin plugin = new Plugin();
        plugin.setGroupId("org.apache.maven.plugins");
        plugin.setArtifactId(artifactId);
        MojoExecution mojo = new MojoExecution(plugin, goal, "default-" + goal);
        mojo.setLifecyclePhase(phase);
        return mojo;
    }

    private static ExecutionEvent event(ExecutionEvent.Type type, MavenProject project, MojoExecution mojo) {
        return new ExecutionEvent() {
            @Override
            public Type getType() {
                return type;
            }

            @Override
            public MavenSession getSession() {
                return null;
            }

            @Override
            public MavenProject getProject() {
                return project;
            }

            @Override
            public MojoExecution getMojoExecution() {
                return mojo;
            }

            @Override
            public Exception getException() {
                return null;
            }
        };
    }
}
