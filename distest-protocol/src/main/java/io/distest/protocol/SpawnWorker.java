package io.distest.protocol;

import java.util.List;
import java.util.Map;

/**
 * Start one worker JVM on the far side; from then on the connection carries that worker's own protocol.
 * Paths are relative to the session directory and checked to stay inside it.
 *
 * @param java the far side's java executable ({@code java}: from its {@code PATH})
 * @param jvmArgs JVM arguments before the class path (tx spec jvmArgs, argLine, system properties)
 * @param classpath class path entries relative to the session directory
 * @param workingDirectory relative to the session directory
 * @param environment variables set for the worker, over those it inherits from the server
 * @param workerToken the token the worker must present in its {@link Hello}
 * @param excludedEnvironment names of the server's variables the worker does not inherit (Surefire's
 *     {@code excludedEnvironmentVariables}); those in {@code environment} are still set
 * @param sharedJars entries of {@code classpath}, synced jars, that the server may move first and map from a class
 *     data sharing archive of its own (the worker jar and the JUnit Platform's, or every released jar); tests still
 *     see {@code classpath}'s order in {@code java.class.path}. Empty: no sharing
 * @param sharedFromLoadedClasses whether that archive is made from the classes a worker loaded (every released
 *     jar) rather than from the worker's warm-up alone
 */
public record SpawnWorker(String workerId, String java, List<String> jvmArgs, List<String> classpath,
        String workingDirectory, Map<String, String> environment, String workerToken, List<String> excludedEnvironment,
        List<String> sharedJars, boolean sharedFromLoadedClasses) implements Message {
    public SpawnWorker {
        jvmArgs = List.copyOf(jvmArgs);
        classpath = List.copyOf(classpath);
        environment = Map.copyOf(environment);
        excludedEnvironment = List.copyOf(excludedEnvironment);
        sharedJars = List.copyOf(sharedJars);
    }

    /** Without class data sharing. */
    public SpawnWorker(String workerId, String java, List<String> jvmArgs, List<String> classpath,
            String workingDirectory, Map<String, String> environment, String workerToken, List<String> excludedEnvironment) {
        this(workerId, java, jvmArgs, classpath, workingDirectory, environment, workerToken, excludedEnvironment,
                List.of(), false);
    }

    /** Inheriting the server's whole environment, without class data sharing. */
    public SpawnWorker(String workerId, String java, List<String> jvmArgs, List<String> classpath,
            String workingDirectory, Map<String, String> environment, String workerToken) {
        this(workerId, java, jvmArgs, classpath, workingDirectory, environment, workerToken, List.of());
    }

    @Override
    public String toString() { // never print the token
        return "SpawnWorker[workerId=" + workerId + ", java=" + java + ", workingDirectory=" + workingDirectory + "]";
    }
}
