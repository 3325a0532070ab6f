package io.distest.maven.run;

import java.util.ArrayList;
import java.util.List;

/** The JVM arguments every worker gets, wherever it runs: spec jvmArgs, argLine, system properties, its identity. */
final class WorkerJvmArgs {
    private WorkerJvmArgs() {}

    static List<String> of(RunRequest request, WorkerLaunch launch) {
        List<String> args = new ArrayList<>(launch.spec().jvmArgs());
        args.addAll(request.jvm().argLine());
        request.jvm().systemProperties().forEach((name, value) -> args.add("-D" + name + "=" + value));
        args.add("-Ddistest.worker=" + launch.workerId());
        args.add("-Ddistest.worker.number=" + launch.number());
        return args;
    }
}
