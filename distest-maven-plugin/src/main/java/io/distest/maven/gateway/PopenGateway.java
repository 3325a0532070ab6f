package io.distest.maven.gateway;

import io.distest.maven.cds.ClassDataSharing;
import io.distest.maven.cds.WorkerStart;
import io.distest.maven.settings.RunRequest;
import io.distest.maven.tx.TxSpec;
import io.distest.shared.WorkerCommandLine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code popen}: worker JVMs as subprocesses of this build. */
public final class PopenGateway implements Gateway {
    private final RunRequest request;
    private final String token;
    private final boolean standIn;
    private final ClassDataSharing sharing;

    public PopenGateway(RunRequest request, String token) {
        this(request, token, false);
    }

    /** @param standIn runs a remote spec's share here (fallbackToLocal): its far-side java and chdir do not apply */
    public PopenGateway(RunRequest request, String token, boolean standIn) {
        this(request, token, standIn, ClassDataSharing.ofThisUser());
    }

    public PopenGateway(RunRequest request, String token, boolean standIn, ClassDataSharing sharing) {
        this.request = request;
        this.token = token;
        this.standIn = standIn;
        this.sharing = sharing;
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
        Map<String, String> environment = new LinkedHashMap<>(launch.environment(request.jvm()));
        environment.putAll(spec.env());
        List<String> jvmArgs = new ArrayList<>(WorkerJvmArgs.of(request, launch, path -> path.toAbsolutePath().toString()));
        WorkerStart start = sharing.workerStart(java, request.testClasspath(), request.workerJar(), jvmArgs,
                request.remote().sync().localRepository());
        jvmArgs.addAll(start.jvmArgs());
        if (start.classPathProperty() != null) {
            jvmArgs.add("-D" + WorkerCommandLine.CLASS_PATH_PROPERTY + "=" + start.classPathProperty());
        }
        WorkerCommandLine commandLine = new WorkerCommandLine(java, jvmArgs, start.classpath(), launch.connectTo(), launch.workerId(), request.jvm().excludedEnvironment(), environment, token);
        Files.writeString(argFile, commandLine.argFileContent(), StandardCharsets.UTF_8);
        ProcessBuilder builder = commandLine.processBuilder(argFile, directory, launch.logFile());
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            return new SpawnedWorker(new WorkerProcess(process, launch.logFile()), null);
        } catch (IOException e) {
            throw new IOException("cannot start worker " + launch.workerId() + " with java \"" + java + "\" (from tx spec \""
                    + spec.text() + "\"): " + e.getMessage() + ". Point //java= at a java executable of JDK 17 or later.", e);
        }
    }

    @Override
    public void close() {}
}
