package io.distest.maven.gateway;

import io.distest.maven.run.RunRequest;
import io.distest.maven.tx.TxSpec;
import io.distest.protocol.Protocol;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code popen}: worker JVMs as subprocesses of this build. */
public final class PopenGateway implements Gateway {
    private final RunRequest request;
    private final String token;
    private final boolean standIn;

    public PopenGateway(RunRequest request, String token) {
        this(request, token, false);
    }

    /** @param standIn runs a remote spec's share here (fallbackToLocal): its far-side java and chdir do not apply */
    public PopenGateway(RunRequest request, String token, boolean standIn) {
        this.request = request;
        this.token = token;
        this.standIn = standIn;
    }

    @Override
    public SpawnedWorker spawn(WorkerLaunch launch) throws IOException {
        TxSpec spec = launch.spec();
        String localJava = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String java = standIn ? localJava : spec.java().orElse(localJava);
        Path argFile = launch.logFile().resolveSibling(launch.logFile().getFileName().toString().replace(".log", ".args"));
        Path workingDirectory = launch.workingDirectory(request.jvm()); // with its fork number, as Surefire's
        Path directory = standIn ? workingDirectory : spec.chdir().map(Path::of).orElse(workingDirectory);
        Files.createDirectories(directory); // as Surefire does for its workingDirectory
        Files.writeString(argFile, argFileContent(launch), StandardCharsets.UTF_8);

        // the class path goes through an argument file: no command-line length limit, as Surefire's jar manifest
        List<String> command = List.of(java, "@" + argFile, "io.distest.worker.WorkerMain", "connect",
                launch.connectTo(), launch.workerId());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(launch.logFile().toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        Map<String, String> environment = builder.environment();
        environment.keySet().removeAll(request.jvm().excludedEnvironment()); // inherited only: set ones stay
        environment.putAll(launch.environment(request.jvm()));
        environment.putAll(spec.env());
        environment.put(Protocol.TOKEN_ENV, token);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            return new SpawnedWorker(new WorkerProcess(process, launch.logFile()), null);
        } catch (IOException e) {
            throw new IOException("cannot start worker " + launch.workerId() + " with java \"" + java + "\" (from tx spec \""
                    + spec.text() + "\"): " + e.getMessage() + ". Point //java= at a java executable of JDK 17 or later.", e);
        }
    }

    private String argFileContent(WorkerLaunch launch) {
        List<String> args = new ArrayList<>(WorkerJvmArgs.of(request, launch, Path::toString));
        args.add("-cp");
        List<Path> classpath = new ArrayList<>(request.testClasspath());
        classpath.add(request.workerJar()); // last: it holds only io.distest classes, never a project's
        args.add(classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        return args.stream().map(PopenGateway::quote).collect(Collectors.joining("\n", "", "\n"));
    }

    /** Quotes one argument for a java {@code @argfile}: double quotes, backslashes escaped. */
    static String quote(String arg) {
        return "\"" + arg.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Override
    public void close() {}
}
