package io.distest.maven.gateway;

import io.distest.maven.parameter.Parameters;
import io.distest.maven.settings.WorkerSetup;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The JVM arguments every worker gets, wherever it runs: spec jvmArgs, argLine, system properties, its identity;
 * Surefire's fork number placeholders in argLine and system property values replaced by the worker's.
 */
final class WorkerJvmArgs {
    private WorkerJvmArgs() {}

    /**
     * @param pathOnWorkerSide where a local path is found on the worker's side (itself for popen)
     */
    static List<String> of(WorkerSetup setup, WorkerLaunch launch, Function<Path, String> pathOnWorkerSide) {
        // no -XX:+ExitOnOutOfMemoryError: Surefire's fork has none, and a test may expect the error; the worker ends
        // itself when one of its own threads runs out of memory (OwnOutOfMemory)
        List<String> args = new ArrayList<>(launch.spec().jvmArgs());
        int forkNumber = launch.forkNumber();
        setup.jvm().argLine().forEach(arg -> args.add(ForkNumber.replaceIn(arg, forkNumber)));
        if (!setup.jvm().systemProperties().containsKey("basedir")) { // Surefire sets it in every fork
            args.add("-Dbasedir=" + pathOnWorkerSide.apply(setup.moduleBasedir()));
        }
        setup.jvm().systemProperties().forEach((name, value) ->
                args.add("-D" + name + "=" + ForkNumber.replaceIn(value, forkNumber)));
        if (setup.jvm().dependencyAgent()) {
            args.add("-javaagent:" + pathOnWorkerSide.apply(setup.workerJar()));
            // the agent's boot class path entry leaves only the JDK's classes shared (the JVM says so in the worker's
            // log): no archive of ours, which -Xshare turns off
            args.add("-Xshare:auto");
        }
        args.add("-D" + Parameters.WORKER + "=" + launch.workerId());
        args.add("-D" + Parameters.WORKER_NUMBER + "=" + launch.number());
        return args;
    }
}
