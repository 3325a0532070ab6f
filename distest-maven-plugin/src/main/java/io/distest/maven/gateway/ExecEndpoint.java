package io.distest.maven.gateway;

import io.distest.maven.tx.TxSpec;
import io.distest.shared.Secrets;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.maven.plugin.logging.Log;

/**
 * {@code exec=COMMAND}: a worker server reached through one local command's standard input and output, with the
 * word {@code sh} appended (unless the command already ends in a shell), so that {@code ssh -T host},
 * {@code kubectl exec -i pod --}, {@code docker exec -i c}, {@code sudo -u ci} and {@code runuser -u ci --} all
 * give a shell on the far side.
 */
final class ExecEndpoint implements RemoteGateway.Endpoint {
    private static final Set<String> SHELLS = Set.of("sh", "bash", "dash", "ash", "ksh", "zsh", "mksh", "yash");

    private final TxSpec spec;
    private final List<String> command;
    private final Path workerJar;
    private final Log log;
    private final String token = Secrets.token(24);
    private volatile StdioLink link;

    ExecEndpoint(TxSpec spec, List<String> words, Path workerJar, Log log) {
        this.spec = spec;
        this.command = withShell(words);
        this.workerJar = workerJar;
        this.log = log;
    }

    /** The words, then {@code sh} unless the last word already names a shell. */
    static List<String> withShell(List<String> words) {
        String word = words.get(words.size() - 1);
        String last = word.substring(word.lastIndexOf('/') + 1);
        if (SHELLS.contains(last)) {
            return List.copyOf(words);
        }
        List<String> all = new ArrayList<>(words);
        all.add("sh");
        return List.copyOf(all);
    }

    @Override
    public ServerClient.Connector start() throws IOException {
        StdioBootstrap bootstrap = new StdioBootstrap(spec.text(), this::startShell, spec.java().orElse("java"),
                spec.chdir(), workerJar, log);
        try {
            link = bootstrap.connect(token);
        } catch (IOException e) {
            if (e.getMessage().startsWith("cannot start the command")) {
                throw new IOException("tx spec \"" + spec.text() + "\": " + e.getMessage()
                        + " (is it installed and on the PATH of the build?)", e);
            }
            throw e;
        }
        return link;
    }

    private FarCommand startShell() throws IOException {
        log.debug("[" + spec.text() + "] starting " + String.join(" ", command));
        return LocalCommand.start(command, log);
    }

    /** Whether its command still runs: when it has ended, its workers are gone and a new command is needed. */
    boolean isAlive() {
        StdioLink current = link;
        return current != null && current.isAlive();
    }

    @Override
    public String serverToken() {
        return token;
    }

    @Override
    public String describe() {
        return "`" + String.join(" ", command) + "`";
    }

    @Override
    public void close() {
        StdioLink current = link;
        if (current != null) {
            current.close();
        }
    }
}
