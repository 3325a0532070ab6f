package io.distest.maven.gateway;

import io.distest.maven.cds.ClassDataSharing;
import io.distest.maven.cds.WorkerStart;
import io.distest.maven.settings.WorkerSetup;
import io.distest.maven.standby.RunLaunches;
import io.distest.maven.standby.StandbyLaunch;
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
import java.util.Optional;

/** {@code popen}: worker JVMs as subprocesses of this build. */
public final class PopenGateway implements Gateway {
    private final WorkerSetup setup;
    private final String token;
    private final boolean standIn;
    private final ClassDataSharing sharing;
    private final RunLaunches launches;

    /** @param standIn runs a remote spec's share here (fallbackToLocal): its far-side java and chdir do not apply */
    public PopenGateway(WorkerSetup setup, String token, boolean standIn) {
        this(setup, token, standIn, ClassDataSharing.ofThisUser(), null);
    }

    /** A run's own local workers: each takes over a standby worker started on its launch, if one waits. */
    public PopenGateway(WorkerSetup setup, String token, RunLaunches launches) {
        this(setup, token, false, ClassDataSharing.ofThisUser(), launches);
    }

    /** @param launches the run's launches (see {@link RunLaunches}); null: no standby workers */
    public PopenGateway(WorkerSetup setup, String token, boolean standIn, ClassDataSharing sharing,
            RunLaunches launches) {
        this.setup = setup;
        this.token = token;
        this.standIn = standIn;
        this.sharing = sharing;
        this.launches = launches;
    }

    @Override
    public SpawnedWorker spawn(WorkerLaunch launch) throws IOException {
        TxSpec spec = launch.spec();
        String localJava = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String java = standIn ? localJava : spec.java().orElse(localJava);
        Path argFile = launch.logFile().resolveSibling(launch.logFile().getFileName().toString().replace(".log", ".args"));
        Path workingDirectory = launch.workingDirectory(setup.jvm()); // with its fork number, as Surefire's
        Path directory = standIn ? workingDirectory : spec.chdir().map(Path::of).orElse(workingDirectory);
        Files.createDirectories(directory); // as Surefire does for its workingDirectory
        Map<String, String> environment = new LinkedHashMap<>(launch.environment(setup.jvm()));
        environment.putAll(spec.env());
        List<String> jvmArgs = new ArrayList<>(WorkerJvmArgs.of(setup, launch, path -> path.toAbsolutePath().toString()));
        WorkerStart start = sharing.workerStart(java, setup.testClasspath(), setup.workerJar(), jvmArgs,
                setup.localRepository());
        jvmArgs.addAll(start.jvmArgs());
        if (start.classPathProperty() != null) {
            jvmArgs.add("-D" + WorkerCommandLine.CLASS_PATH_PROPERTY + "=" + start.classPathProperty());
        }
        WorkerCommandLine commandLine = new WorkerCommandLine(java, jvmArgs, start.classpath(), launch.connectTo(), launch.workerId(), setup.jvm().excludedEnvironment(), environment, token);
        if (launches != null) {
            Optional<Process> standby = launches.spawning(StandbyLaunch.of(commandLine, directory, launch.logFile(),
                    argFile, start.jvmArgs()), token, launch.connectTo());
            if (standby.isPresent()) {
                return new SpawnedWorker(new WorkerProcess(standby.get(), launch.logFile()), null);
            }
        }
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
