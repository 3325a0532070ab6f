package io.distest.maven.gateway;

import io.distest.maven.gateway.ssh.SshOptions;
import io.distest.maven.tx.Transport;
import io.distest.maven.tx.TxSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.apache.maven.plugin.logging.Log;

/**
 * An {@link SshEndpoint} whose start began before any run asked for it (see {@link EarlySshStarts}): a run's
 * {@link #start()} takes over what is done, waits for what is not, and gets the same errors the start would have
 * given it then. Its lines, kept until the run claims it, are printed in the run's log.
 */
final class EarlySshEndpoint implements RemoteGateway.Endpoint {
    private final TxSpec spec;
    private final Transport.Ssh address;
    private final SshOptions options;
    private final DeferredLog deferred;
    private final CompletableFuture<ServerClient.Connector> started;
    private final long beganNanos = System.nanoTime();
    private volatile long readyNanos;
    private SshEndpoint current;
    private Log log;
    private Path workerJar;

    private EarlySshEndpoint(TxSpec spec, Transport.Ssh address, SshOptions options, DeferredLog deferred,
            SshEndpoint endpoint, Path jarDirectory) {
        this.spec = spec;
        this.address = address;
        this.options = options;
        this.deferred = deferred;
        this.current = endpoint;
        this.started = Background.supply("distest-early-ssh", () -> {
            try {
                return endpoint.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                readyNanos = System.nanoTime();
                deleteQuietly(jarDirectory); // only the start reads it (its hash; an upload when the far side lacks it)
            }
        });
    }

    static EarlySshEndpoint begin(TxSpec spec, Transport.Ssh address, SshOptions options) {
        DeferredLog deferred = new DeferredLog();
        Path jarDirectory = null;
        try {
            jarDirectory = Files.createTempDirectory("distest-early-ssh");
            Path jar = WorkerJar.extractTo(jarDirectory);
            return new EarlySshEndpoint(spec, address, options, deferred,
                    new SshEndpoint(spec, address, options, jar, deferred), jarDirectory);
        } catch (IOException e) {
            deleteQuietly(jarDirectory);
            throw new UncheckedIOException(e);
        }
    }

    /** Hands this start to a run: its lines go to {@code log} from now on. */
    EarlySshEndpoint claimedBy(Log log, Path workerJar) {
        this.log = log;
        this.workerJar = workerJar;
        return this;
    }

    @Override
    public ServerClient.Connector start() throws IOException {
        long askedNanos = System.nanoTime();
        deferred.replayTo(log);
        ServerClient.Connector connector;
        try {
            connector = started.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
        if (!current.alive()) { // e.g. the far side restarted its sshd while the build compiled
            log.info("[" + spec.text() + "] the ssh connection opened during the build's earlier phases has ended:"
                    + " connecting again");
            current.close();
            current = new SshEndpoint(spec, address, options, workerJar, log);
            return current.start();
        }
        long ahead = readyNanos - askedNanos;
        log.info(String.format(Locale.ROOT, "[%s] connected and started the worker server beside the build's earlier"
                + " phases in %.2f s: %s", spec.text(), (readyNanos - beganNanos) / 1e9, ahead <= 0
                ? String.format(Locale.ROOT, "ready %.2f s before the tests asked for it", -ahead / 1e9)
                : String.format(Locale.ROOT, "the tests waited %.2f s for it", ahead / 1e9)));
        return connector;
    }

    @Override
    public String serverToken() {
        return current.serverToken();
    }

    @Override
    public String describe() {
        return current.describe();
    }

    /**
     * Closes the connection; one still being made is closed when it is made, without waiting here (an unreachable
     * host must not hold up the end of a build that never asked for it).
     */
    @Override
    public void close() {
        started.whenComplete((connector, error) -> current.close());
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // a temporary directory: the system cleans it up
        }
    }
}
