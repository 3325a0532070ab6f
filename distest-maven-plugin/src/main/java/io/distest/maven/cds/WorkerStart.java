package io.distest.maven.cds;

import java.util.List;

/**
 * How a local worker JVM starts: its class path, and the JVM arguments class data sharing adds to the others.
 *
 * @param classpath in the order the JVM gets it
 * @param jvmArgs to add after the run's own
 * @param classPathProperty what {@code java.class.path} is set to before any test runs (the test class path, then
 *     the worker jar, whatever order the JVM got), or {@code null} when that is the JVM's own
 */
public record WorkerStart(List<String> classpath, List<String> jvmArgs, String classPathProperty) {
    public WorkerStart {
        classpath = List.copyOf(classpath);
        jvmArgs = List.copyOf(jvmArgs);
    }
}
