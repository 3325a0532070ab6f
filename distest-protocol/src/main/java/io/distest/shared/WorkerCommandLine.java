package io.distest.shared;

import io.distest.protocol.Protocol;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * How a worker JVM is started, wherever it runs (as a subprocess of the build, or of a worker server on a far
 * side): {@code java @argfile io.distest.worker.WorkerMain connect HOST:PORT ID}. The JVM arguments and the class
 * path go through the argument file, so no command-line length limit applies (as Surefire's manifest-only jar);
 * the session token goes through the environment, never the command line, where {@code ps} would show it.
 *
 * @param excludedEnvironment inherited variables the worker must not see (variables set here stay)
 * @param environment         variables set for the worker, on top of what it inherits
 */
public record WorkerCommandLine(String java, List<String> jvmArgs, List<String> classpath, String connectTo,
        String workerId, Collection<String> excludedEnvironment, Map<String, String> environment, String token) {

    public static final String MAIN_CLASS = "io.distest.worker.WorkerMain";
    /** {@code connectTo} is this and a Unix-domain socket's path, or {@code HOST:PORT}. */
    public static final String UNIX_SOCKET = "unix:";
    /** Exit codes of the worker JVM and of {@code serve}: a bad command line, a refused token, a lost connection. */
    public static final int EXIT_USAGE = 64;
    public static final int EXIT_REFUSED = 65;
    public static final int EXIT_CONNECTION_LOST = 66;
    /**
     * What the worker sets {@code java.class.path} to, and then removes, when its JVM got the class path in another
     * order (class data sharing puts the archived jars first): tests see the usual order, as under Surefire.
     */
    public static final String CLASS_PATH_PROPERTY = "distest.javaClassPath";

    /** The argument file's content: each JVM argument, then {@code -cp} and the class path, one quoted per line. */
    public String argFileContent() {
        List<String> args = new ArrayList<>(jvmArgs);
        args.add("-cp");
        args.add(String.join(File.pathSeparator, classpath));
        StringBuilder content = new StringBuilder();
        for (String arg : args) {
            content.append(quote(arg)).append('\n');
        }
        return content.toString();
    }

    /**
     * Quotes one argument for a java {@code @argfile}: double quotes, with backslashes, quotes and line breaks escaped
     * (a line break ends a quoted argument there: a property such as git-commit-id's {@code git.commit.message.full}
     * would otherwise leave its second line as the JVM's main class).
     */
    public static String quote(String arg) {
        return "\"" + arg.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r")
                .replace("\f", "\\f") + "\"";
    }

    /**
     * The process, reading {@code argFile} (which must hold {@link #argFileContent()}), started in {@code directory}
     * with its output and errors into {@code logFile}.
     */
    public ProcessBuilder processBuilder(Path argFile, Path directory, Path logFile) {
        ProcessBuilder builder = builder(argFile, directory, logFile, "connect", connectTo, workerId);
        builder.environment().put(Protocol.TOKEN_ENV, token);
        return builder;
    }

    /**
     * The same JVM started before its run has an address or a token (a standby worker): it waits for both on its
     * standard input, which the caller keeps open to write them ({@link #standbyHandoff}), and makes
     * {@code warmFile} once it is warm.
     */
    public ProcessBuilder standbyProcessBuilder(Path argFile, Path directory, Path logFile, Path warmFile) {
        ProcessBuilder builder = builder(argFile, directory, logFile, "standby", workerId, warmFile.toString());
        builder.environment().remove(Protocol.TOKEN_ENV); // not a server's token the build was given
        return builder;
    }

    /** What a standby worker reads on its standard input to connect: {@code TOKEN SP ADDRESS LF}. */
    public static String standbyHandoff(String token, String connectTo) {
        return token + " " + connectTo + "\n";
    }

    private ProcessBuilder builder(Path argFile, Path directory, Path logFile, String... mainArgs) {
        List<String> command = new ArrayList<>(List.of(java, "@" + argFile, MAIN_CLASS));
        command.addAll(List.of(mainArgs));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        Map<String, String> env = builder.environment();
        env.keySet().removeAll(excludedEnvironment);
        env.putAll(environment);
        return builder;
    }
}
