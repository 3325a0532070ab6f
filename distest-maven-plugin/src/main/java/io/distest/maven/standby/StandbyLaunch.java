package io.distest.maven.standby;

import io.distest.shared.WorkerCommandLine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One worker JVM as a run started it, without what only that run has (its address and token): what a standby
 * worker of the next build is started on, and what that build's run must ask for, exactly, to take it over.
 *
 * @param directories the class path entries that were directories then: a JVM decides when it starts whether an
 *     entry is a directory or a jar, so a directory the build has not made yet is made before a standby starts
 */
public record StandbyLaunch(String java, List<String> jvmArgs, List<String> classpath, String workerId,
        List<String> excludedEnvironment, Map<String, String> environment, Path directory, Path logFile, Path argFile,
        List<String> directories) {

    public StandbyLaunch {
        jvmArgs = List.copyOf(jvmArgs);
        classpath = List.copyOf(classpath);
        excludedEnvironment = excludedEnvironment.stream().sorted().toList();
        environment = new TreeMap<>(environment);
        directories = List.copyOf(directories);
    }

    /** The launch of {@code commandLine}, started in {@code directory}, output into {@code logFile}. */
    public static StandbyLaunch of(WorkerCommandLine commandLine, Path directory, Path logFile, Path argFile) {
        return new StandbyLaunch(commandLine.java(), commandLine.jvmArgs(), commandLine.classpath(),
                commandLine.workerId(), List.copyOf(commandLine.excludedEnvironment()), commandLine.environment(),
                directory, logFile, argFile,
                commandLine.classpath().stream().filter(entry -> Files.isDirectory(Path.of(entry))).toList());
    }

    /** Whether the JVM is started for a debugger (Surefire's {@code maven.surefire.debug}, a JDWP agent). */
    boolean debugged() {
        return jvmArgs.stream().anyMatch(arg -> arg.startsWith("-agentlib:jdwp") || arg.startsWith("-Xrunjdwp")
                || arg.equals("-Xdebug"));
    }

    /** The command line, with neither address nor token: a standby reads both from its standard input. */
    WorkerCommandLine commandLine() {
        return new WorkerCommandLine(java, jvmArgs, classpath, null, workerId, excludedEnvironment, environment, null);
    }
}
