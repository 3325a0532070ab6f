package io.distest.maven.settings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What every worker JVM of the run is started with, wherever it runs: all a gateway needs to launch one.
 *
 * @param testClasspath the test JVM's class path (test classes, classes, dependencies, launcher and engines)
 * @param workerJar the distest worker jar to start
 * @param jvm arguments, system properties, environment and working directory, as Surefire would give them
 * @param moduleBasedir the module whose tests run: Surefire's {@code basedir} system property in every fork
 * @param localRepository where released jars stay put from build to build (local workers share their classes)
 */
public record WorkerSetup(List<Path> testClasspath, Path workerJar, JvmSettings jvm, Path moduleBasedir,
        Path localRepository) {
    public WorkerSetup {
        testClasspath = List.copyOf(testClasspath);
    }

    /** The worker's class path: the test class path, then the worker jar. */
    public List<Path> classpathWithWorkerJar() {
        List<Path> classpath = new ArrayList<>(testClasspath);
        classpath.add(workerJar);
        return classpath;
    }
}
