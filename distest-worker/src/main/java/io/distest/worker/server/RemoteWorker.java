package io.distest.worker.server;

import io.distest.protocol.ProcessExits;
import io.distest.protocol.SpawnWorker;
import io.distest.shared.ChannelStreams;
import io.distest.shared.PrivateFiles;
import io.distest.shared.Quietly;
import io.distest.shared.Threads;
import io.distest.shared.WorkerCommandLine;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A worker JVM the server started for a client; it connects to the server through a {@link WorkerSocket}, and the
 * server relays it to the client.
 */
final class RemoteWorker {
    private static final int CONNECT_MILLIS = 60_000;

    private final String id;
    private final Process process;
    private final Path logFile;
    private final WorkerSocket listener;

    private RemoteWorker(String id, Process process, Path logFile, WorkerSocket listener) {
        this.id = id;
        this.process = process;
        this.logFile = logFile;
        this.listener = listener;
    }

    /**
     * The JVM arguments with the session paths in them made absolute, as the class path is: the worker jar as Java
     * agent ({@code -javaagent:}) and the module directory ({@code -Dbasedir=}), which the worker's working directory
     * would otherwise resolve wrongly. A relative path must stay inside the session.
     */
    static List<String> inSession(List<String> jvmArgs, Path session) {
        List<String> resolved = new ArrayList<>();
        for (String arg : jvmArgs) {
            String prefix = arg.startsWith("-javaagent:") ? "-javaagent:" : arg.startsWith("-Dbasedir=") ? "-Dbasedir=" : null;
            String path = prefix == null ? null : arg.substring(prefix.length());
            resolved.add(path == null || path.isEmpty() || Path.of(path).isAbsolute() ? arg
                    : prefix + SafePaths.resolve(session, path));
        }
        return resolved;
    }

    /** Decides how a worker's JVM starts from its class path and JVM options, both resolved in the session. */
    interface StartPlan {
        FarSharing.Start of(List<Path> classpath, List<String> jvmArgs);
    }

    /**
     * Starts the worker; everything it is asked for is checked before anything is opened, and whatever was opened
     * is closed again if it cannot start.
     */
    static RemoteWorker start(SpawnWorker spawn, Path session, StartPlan plan, PrintStream log) throws IOException {
        Layout layout = Layout.of(spawn, session);
        WorkerSocket listener = WorkerSocket.open(layout.workerFiles(), spawn.workerId());
        try {
            WorkerCommandLine commandLine = layout.commandLine(spawn, plan, listener.address());
            Process process = startProcess(spawn, commandLine.processBuilder(layout.argFile(), layout.workingDirectory(),
                    layout.logFile()));
            process.getOutputStream().close();
            log.println("distest server: started worker " + spawn.workerId() + " (pid " + process.pid() + ")");
            return new RemoteWorker(spawn.workerId(), process, layout.logFile(), listener);
        } catch (IOException | RuntimeException e) {
            listener.close();
            throw e;
        }
    }

    /**
     * Starts the worker's JVM before a session asks for it, checked and laid out as {@link #start} does: it warms up,
     * then waits on its standard input for the token and the address {@link #handOver} gives it.
     */
    static Process startStandby(SpawnWorker spawn, Path session, StartPlan plan) throws IOException {
        Layout layout = Layout.of(spawn, session);
        WorkerCommandLine commandLine = layout.commandLine(spawn, plan, "");
        return startProcess(spawn, commandLine.standbyProcessBuilder(layout.argFile(), layout.workingDirectory(),
                layout.logFile(), layout.workerFiles().resolve(spawn.workerId() + ".warm")));
    }

    /** Gives a JVM {@link #startStandby started} for this worker the run's token and a fresh socket to connect to. */
    static RemoteWorker handOver(SpawnWorker spawn, Process standby, Path session, PrintStream log) throws IOException {
        Path workerFiles = workerFiles(session);
        WorkerSocket listener = WorkerSocket.open(workerFiles, spawn.workerId());
        try (OutputStream in = standby.getOutputStream()) {
            in.write(WorkerCommandLine.standbyHandoff(spawn.workerToken(), listener.address())
                    .getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            listener.close();
            throw e;
        }
        log.println("distest server: worker " + spawn.workerId() + " took over the standby JVM (pid " + standby.pid()
                + ") the module's last session left");
        return new RemoteWorker(spawn.workerId(), standby, workerFiles.resolve(spawn.workerId() + ".log"), listener);
    }

    /** The session's directory of worker files (argument files, logs, sockets), made if missing. */
    static Path workerFiles(Path session) throws IOException {
        return SafePaths.createDirectories(session, session.resolve(".distest"));
    }

    /** Where a worker's files go in the session, with what it asks for checked; its log file is made empty. */
    private record Layout(List<Path> classpath, List<String> jvmArgs, Path workingDirectory, Path workerFiles,
            Path argFile, Path logFile) {
        static Layout of(SpawnWorker spawn, Path session) throws IOException {
            if (spawn.workerId() == null || !spawn.workerId().matches("[A-Za-z0-9_.-]{1,64}")) {
                throw new IllegalArgumentException("invalid worker id \"" + spawn.workerId() + "\"");
            }
            spawn.environment().forEach((name, value) -> {
                if (name == null || name.isEmpty() || name.indexOf('=') >= 0 || name.indexOf('\0') >= 0
                        || value == null || value.indexOf('\0') >= 0) {
                    throw new IllegalArgumentException("invalid environment variable \"" + name + "\": a name must be"
                            + " non-empty without '=' or NUL, a value without NUL");
                }
            });
            if (spawn.java() == null || spawn.java().isEmpty() || spawn.java().indexOf('\0') >= 0) {
                throw new IllegalArgumentException("invalid java \"" + spawn.java() + "\"");
            }
            List<Path> classpath = new ArrayList<>();
            for (String entry : spawn.classpath()) {
                classpath.add(SafePaths.resolve(session, entry));
            }
            List<String> jvmArgs = inSession(spawn.jvmArgs(), session);
            Path workingDirectory = SafePaths.createDirectories(session,
                    SafePaths.resolve(session, spawn.workingDirectory()));
            Path workerFiles = RemoteWorker.workerFiles(session);
            Layout layout = new Layout(classpath, jvmArgs, workingDirectory, workerFiles,
                    workerFiles.resolve(spawn.workerId() + ".args"), workerFiles.resolve(spawn.workerId() + ".log"));
            writeFresh(layout.logFile(), new byte[0]);
            return layout;
        }

        /** The command line, with what class data sharing adds; writes it to the argument file. */
        WorkerCommandLine commandLine(SpawnWorker spawn, StartPlan plan, String connectTo) throws IOException {
            FarSharing.Start start = plan.of(classpath, jvmArgs);
            List<String> allJvmArgs = new ArrayList<>(jvmArgs);
            allJvmArgs.addAll(start.jvmArgs());
            WorkerCommandLine commandLine = new WorkerCommandLine(spawn.java(), allJvmArgs, start.classpath(),
                    connectTo, spawn.workerId(), spawn.excludedEnvironment(), spawn.environment(), spawn.workerToken());
            writeFresh(argFile, commandLine.argFileContent().getBytes(StandardCharsets.UTF_8));
            return commandLine;
        }
    }

    private static Process startProcess(SpawnWorker spawn, ProcessBuilder builder) throws IOException {
        try {
            return builder.start();
        } catch (IOException e) {
            throw new IOException("cannot start java \"" + spawn.java() + "\" on "
                    + io.distest.protocol.WorkerFacts.ofThisJvm().hostName() + ": " + e.getMessage()
                    + " (set //java= in the tx spec to a JDK 17+ java on that host)", e);
        }
    }

    /** Writes a new file {@code 0600}; a file or link already at its path is removed first, never followed. */
    private static void writeFresh(Path file, byte[] content) throws IOException {
        Files.deleteIfExists(file);
        try (var channel = Files.newByteChannel(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS), PrivateFiles.mode(PrivateFiles.FILE))) {
            channel.write(java.nio.ByteBuffer.wrap(content));
        }
    }

    /** Waits for the worker to connect, then copies bytes both ways until one side ends. */
    void relay(Socket client) throws IOException {
        SocketChannel worker = listener.accept(id, process::isAlive, CONNECT_MILLIS);
        try (worker) {
            Thread up = pump(ChannelStreams.in(worker), client.getOutputStream(), client, worker, "up");
            pump(client.getInputStream(), ChannelStreams.out(worker), client, worker, "down").join();
            up.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Copies one direction; when either side ends, both connections close, so the other direction ends too. */
    private Thread pump(InputStream from, OutputStream to, Socket client, SocketChannel worker, String direction) {
        Thread thread = Threads.start(() -> {
            try {
                from.transferTo(to);
            } catch (IOException ignored) {
                // one side ended
            } finally {
                Quietly.close(worker);
                Quietly.close(client);
            }
        }, "distest-relay-" + id + "-" + direction);
        return thread;
    }


    /** Ends the worker (if it still runs) and says how it ended. */
    String stop() {
        listener.close();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return process.isAlive() ? "still running" : ProcessExits.describe(process.exitValue());
    }

    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "";
        }
    }
}
