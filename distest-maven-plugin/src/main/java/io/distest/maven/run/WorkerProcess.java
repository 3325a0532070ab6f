package io.distest.maven.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A started worker JVM: its exit, its own output (kept in a log file), and a way to end it. */
final class WorkerProcess {
    private final Process process;
    private final Path logFile;
    private final String command;

    WorkerProcess(Process process, Path logFile, String command) {
        this.process = process;
        this.logFile = logFile;
        this.command = command;
    }

    long pid() {
        return process.pid();
    }

    String command() {
        return command;
    }

    CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    /** Waits up to {@code millis} for the exit, then describes it, e.g. "exit code 3" or "killed by signal 9 (SIGKILL)". */
    String describeExit(long millis) {
        try {
            if (!process.waitFor(millis, TimeUnit.MILLISECONDS)) {
                return "still running";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown exit";
        }
        int code = process.exitValue();
        if (code > 128 && code < 160) {
            int signal = code - 128;
            return "killed by signal " + signal + switch (signal) {
                case 9 -> " (SIGKILL)";
                case 15 -> " (SIGTERM)";
                case 6 -> " (SIGABRT)";
                case 11 -> " (SIGSEGV)";
                default -> "";
            };
        }
        return "exit code " + code;
    }

    /** The last lines the JVM printed outside tests (JVM errors, crash messages). */
    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    Path logFile() {
        return logFile;
    }

    /** Ends the JVM and everything it started. */
    void destroy() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    boolean isAlive() {
        return process.isAlive();
    }
}
