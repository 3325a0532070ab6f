package io.distest.maven.gateway;

import io.distest.protocol.ProcessExits;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.maven.plugin.logging.Log;

/** An {@code exec=} command started on this machine; its standard input and output are the pipe. */
final class LocalCommand implements FarCommand {
    private final Process process;
    private final String commandLine;
    private final StderrTail stderr;

    private LocalCommand(Process process, String commandLine, Log log) {
        this.process = process;
        this.commandLine = commandLine;
        this.stderr = new StderrTail(process.getErrorStream(), "exec-" + process.pid(),
                line -> log.debug("[" + commandLine + "] " + line));
    }

    /** @throws IOException naming the command when it cannot be started (not found, not executable) */
    static LocalCommand start(List<String> command, Log log) throws IOException {
        String line = String.join(" ", command);
        try {
            return new LocalCommand(new ProcessBuilder(command).start(), line, log);
        } catch (IOException e) {
            String why = e.getMessage() != null && e.getMessage().contains("error=2") ? "not found" : e.getMessage();
            throw new IOException("cannot start the command `" + line + "`: " + why, e);
        }
    }

    @Override
    public OutputStream stdin() {
        return process.getOutputStream();
    }

    @Override
    public InputStream stdout() {
        return process.getInputStream();
    }

    @Override
    public String stderrTail(long millis) {
        return stderr.text(millis);
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public String describeExit(long millis) {
        return ProcessExits.describe(process, millis);
    }

    @Override
    public String describe() {
        return "`" + commandLine + "`";
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        } catch (IOException ignored) {
            process.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
