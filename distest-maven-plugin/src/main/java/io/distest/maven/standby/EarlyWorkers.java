package io.distest.maven.standby;

import io.distest.maven.parameter.EarlyStart;
import io.distest.maven.parameter.Parameters;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.maven.execution.ExecutionEvent;
import org.apache.maven.execution.ExecutionListener;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.logging.Logger;

/**
 * Starts a module's standby workers (see {@link Standbys}) when its build starts its first mojo past {@code clean},
 * so that their JVMs start, and warm, beside resources, compile and test-compile instead of in the test phase; ends
 * those no run took over when the module's build ends. It listens to the session's execution events beside the
 * listener Maven already has, which it passes every event to first.
 */
public final class EarlyWorkers {
    private static final Set<String> CLEAN_PHASES = Set.of("pre-clean", "clean", "post-clean");

    private EarlyWorkers() {}

    /** Whether this session's goals reach the tests and nobody said {@code -Ddistest.popen.early=false}. */
    public static boolean wanted(MavenSession session) {
        return EarlyStart.wanted(session.getUserProperties(), session.getGoals(), Parameters.POPEN_EARLY,
                Parameters.POPEN_EARLY_DEFAULT);
    }

    /** Listens for the builds of {@code modules} (their base directories): their local workers start early. */
    public static void install(MavenExecutionRequest request, Set<Path> modules, Logger logger) {
        if (modules.isEmpty()) {
            return;
        }
        ExecutionListener maven = request.getExecutionListener();
        Set<Path> waiting = ConcurrentHashMap.newKeySet();
        modules.forEach(module -> waiting.add(module.toAbsolutePath().normalize()));
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "distest's early workers, then " + maven;
                };
            }
            Object result = maven == null ? null : forward(maven, method, args);
            if (args != null && args.length == 1 && args[0] instanceof ExecutionEvent event) {
                heard(event, waiting, logger);
            }
            return result;
        };
        request.setExecutionListener((ExecutionListener) Proxy.newProxyInstance(EarlyWorkers.class.getClassLoader(),
                new Class<?>[] {ExecutionListener.class}, handler));
    }

    private static Object forward(ExecutionListener maven, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(maven, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void heard(ExecutionEvent event, Set<Path> waiting, Logger logger) {
        MavenProject project = event.getProject();
        if (project == null || project.getBasedir() == null) {
            return;
        }
        Path module = project.getBasedir().toPath().toAbsolutePath().normalize();
        switch (event.getType()) {
            case MojoStarted -> {
                if (!cleans(event.getMojoExecution()) && waiting.remove(module)) {
                    int starting = Standbys.start(module, logger::debug);
                    if (starting > 0) {
                        logger.debug("distest: " + starting + " standby worker JVM(s) starting for " + module
                                + " beside the build's earlier phases, " + Standbys.SPARE_CORES + " at a time (-D"
                                + Parameters.POPEN_EARLY + "=false: none)");
                    }
                }
            }
            case ProjectSucceeded, ProjectFailed, ProjectSkipped -> {
                waiting.remove(module);
                Standbys.endUnclaimed(module);
            }
            default -> {
                // nothing to do
            }
        }
    }

    /** A mojo of the clean lifecycle, which would delete what a standby worker's JVM has started on. */
    private static boolean cleans(MojoExecution mojo) {
        if (mojo == null) {
            return false;
        }
        String phase = mojo.getLifecyclePhase();
        return (phase != null && CLEAN_PHASES.contains(phase)) || "maven-clean-plugin".equals(mojo.getArtifactId());
    }
}
