package io.distest.maven.standby;

import io.distest.shared.WorkerCommandLine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One worker JVM as a run started it, without what only that run has (its address and token): what a standby
 * worker of the next build is started on, and what that build's run must ask for, exactly, to take it over.
 *
 * @param directories the class path entries that were directories then: a JVM decides when it starts whether an
 *     entry is a directory or a jar, so a directory the build has not made yet is made before a standby starts
 * @param sharing the JVM arguments among {@code jvmArgs} that distest's class data sharing added: which archive to
 *     map or to record for changes from one build to the next (the first records, a later one maps), and is no
 *     reason not to take a standby JVM over, since tests see the same classes either way
 */
public record StandbyLaunch(String java, List<String> jvmArgs, List<String> classpath, String workerId,
        List<String> excludedEnvironment, Map<String, String> environment, Path directory, Path logFile, Path argFile,
        List<String> directories, List<String> sharing) {

    public StandbyLaunch {
        jvmArgs = List.copyOf(jvmArgs);
        classpath = List.copyOf(classpath);
        excludedEnvironment = excludedEnvironment.stream().sorted().toList();
        environment = new TreeMap<>(environment);
        directories = List.copyOf(directories);
        sharing = List.copyOf(sharing);
    }

    /**
     * The launch of {@code commandLine}, started in {@code directory}, output into {@code logFile}; {@code sharing}
     * are the class data sharing arguments among its JVM arguments.
     */
    public static StandbyLaunch of(WorkerCommandLine commandLine, Path directory, Path logFile, Path argFile,
            List<String> sharing) {
        return new StandbyLaunch(commandLine.java(), commandLine.jvmArgs(), commandLine.classpath(),
                commandLine.workerId(), List.copyOf(commandLine.excludedEnvironment()), commandLine.environment(),
                directory, logFile, argFile,
                commandLine.classpath().stream().filter(entry -> Files.isDirectory(Path.of(entry))).toList(), sharing);
    }

    /** Whether a JVM started on this launch is the one {@code wanted} asks for: the same but for its archive. */
    boolean fits(StandbyLaunch wanted) {
        return withoutSharing().equals(wanted.withoutSharing());
    }

    private StandbyLaunch withoutSharing() {
        List<String> args = new ArrayList<>(jvmArgs);
        sharing.forEach(args::remove);
        return new StandbyLaunch(java, args, classpath, workerId, excludedEnvironment, environment, directory, logFile,
                argFile, directories, List.of());
    }

    /** Whether the JVM is started for a debugger (Surefire's {@code maven.surefire.debug}, a JDWP agent). */
    boolean debugged() {
        return jvmArgs.stream().anyMatch(arg -> arg.startsWith("-agentlib:jdwp") || arg.startsWith("-Xrunjdwp")
                || arg.equals("-Xdebug"));
    }

    /** The file a JVM started on this launch makes once it is warm (see {@link Standbys}): beside its argument file. */
    Path warmFile() {
        return argFile.resolveSibling(workerId + ".warm");
    }

    /** The command line, with neither address nor token: a standby reads both from its standard input. */
    WorkerCommandLine commandLine() {
        return new WorkerCommandLine(java, jvmArgs, classpath, null, workerId, excludedEnvironment, environment, null);
    }
}
