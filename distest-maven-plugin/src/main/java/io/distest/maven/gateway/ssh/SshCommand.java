package io.distest.maven.gateway.ssh;

import io.distest.maven.gateway.FarCommand;
import io.distest.maven.gateway.StderrTail;
import io.distest.maven.gateway.ssh.RemoteCommand;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import org.apache.maven.plugin.logging.Log;

/** A shell started over an sshj connection: the exec path of an {@code ssh=} spec whose host has no SFTP. */
final class SshCommand implements FarCommand {
    private final RemoteCommand command;
    private final String where;
    private final StderrTail stderr;

    SshCommand(RemoteCommand command, String where, Log log) {
        this.command = command;
        this.where = where;
        this.stderr = new StderrTail(command.stderr(), "ssh-" + command.processId(),
                line -> log.debug("[" + where + "] " + line));
    }

    @Override
    public OutputStream stdin() {
        return command.stdin();
    }

    @Override
    public InputStream stdout() {
        return command.stdout();
    }

    @Override
    public String stderrTail(long millis) {
        return stderr.text(millis);
    }

    @Override
    public boolean isAlive() {
        return command.isOpen();
    }

    @Override
    public String describeExit(long millis) {
        if (!command.waitFor(Duration.ofMillis(millis))) {
            return "still running";
        }
        Integer status = command.exitStatus();
        return command.exitSignal().map(s -> "killed by signal " + s)
                .orElse(status == null ? "ended" : "exit status " + status);
    }

    @Override
    public String describe() {
        return "`sh` on " + where;
    }

    @Override
    public void close() {
        try {
            command.stdin().close();
        } catch (java.io.IOException ignored) {
            // closed below either way
        }
        command.waitFor(Duration.ofSeconds(5));
        command.close(); // ends it if it still runs; closes the channel
    }
}
