package io.distest.maven.gateway;

import io.distest.protocol.ProcessExits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A worker JVM started here: its exit, its own output (kept in a log file), and a way to end it. */
final class WorkerProcess implements WorkerHandle {
    private final Process process;
    private final Path logFile;

    WorkerProcess(Process process, Path logFile) {
        this.process = process;
        this.logFile = logFile;
    }

    @Override
    public CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    @Override
    public String describeExit(long millis) {
        return ProcessExits.describe(process, millis);
    }

    @Override
    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    @Override
    public String where() {
        return "pid " + process.pid() + ", output in " + logFile;
    }

    @Override
    public void destroy() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
