package io.distest.maven.settings;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every test JVM of the run gets, as Surefire would give it. Surefire's {@code ${surefire.forkNumber}} in
 * argLine, system property and environment values and the working directory is replaced per worker.
 *
 * @param argLine extra JVM arguments (Surefire's {@code argLine}), already split
 * @param systemProperties {@code -Dname=value} for the test JVM
 * @param environment environment variables added to the inherited environment
 * @param workingDirectory the test JVM's working directory
 * @param excludedEnvironment names of inherited environment variables a test JVM does not get (Surefire's
 *     {@code excludedEnvironmentVariables}): the build's for a local worker, its server's for a remote one
 * @param dependencyAgent whether workers record what each unit uses of the project ({@code distest.affected}):
 *     they start with the worker jar as a Java agent
 */
public record JvmSettings(List<String> argLine, Map<String, String> systemProperties, Map<String, String> environment,
        Path workingDirectory, Set<String> excludedEnvironment, boolean dependencyAgent) {
    public JvmSettings {
        argLine = List.copyOf(argLine);
        systemProperties = Collections.unmodifiableMap(new LinkedHashMap<>(systemProperties));
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        excludedEnvironment = Collections.unmodifiableSet(new LinkedHashSet<>(excludedEnvironment));
    }
}
