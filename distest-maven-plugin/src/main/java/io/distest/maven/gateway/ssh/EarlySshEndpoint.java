package io.distest.maven.gateway.ssh;

import io.distest.maven.gateway.AttachedAhead;
import io.distest.maven.gateway.Background;
import io.distest.maven.gateway.DeferredLog;
import io.distest.maven.gateway.RemoteGateway;
import io.distest.maven.gateway.ServerClient;
import io.distest.maven.gateway.WorkerJar;
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
 * given it then. Its lines, kept until the run claims it, are printed in the run's log. When the run ends, the
 * connection and its worker server wait for the build's next run on the same spec (each session on the far side
 * has its own directory, so runs share nothing but the server).
 */
final class EarlySshEndpoint implements RemoteGateway.Endpoint {
    private final TxSpec spec;
    private final Transport.Ssh address;
    private final SshOptions options;
    private final DeferredLog deferred;
    private final CompletableFuture<ServerClient.Connector> started;
    /** The next run's session, attached once the server is reachable (see {@link AttachedAhead}); or null. */
    private volatile CompletableFuture<AttachedAhead> ahead;
    private final long beganNanos = System.nanoTime();
    private volatile long readyNanos;
    private SshEndpoint current;
    private ServerClient.Connector connector;
    private int runs;
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
        this.ahead = attachAhead(endpoint.reachable()); // beside the start's last steps (holding a lingering server)
    }

    /** Attaches the next run's session once its server is {@code reachable}, beside the build's earlier phases. */
    private CompletableFuture<AttachedAhead> attachAhead(CompletableFuture<SshEndpoint.Reachable> reachable) {
        return reachable.thenApplyAsync(server -> {
            try {
                return server.remembered()
                        ? AttachedAhead.attach(server.connector(), server.token(), current.describe(), spec.count(),
                                SshEndpoint.REMEMBERED_ANSWER_SECONDS)
                        : AttachedAhead.attach(server.connector(), server.token(), current.describe(), spec.count());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
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
        if (connector == null) {
            connector = awaitStarted();
        }
        runs++;
        if (!current.alive()) { // the far side's sshd restarted while the build compiled, a test killed the server, …
            log.info("[" + spec.text() + "] the ssh connection " + (runs == 1 ? "opened during the build's earlier"
                    + " phases" : "of an earlier run of this build") + " has ended: connecting again");
            current.close();
            dropAttachedAhead();
            current = new SshEndpoint(spec, address, options, workerJar, deferred);
            connector = current.start();
        } else if (runs == 1) {
            long ahead = readyNanos - askedNanos;
            log.info(String.format(Locale.ROOT, "[%s] connected to the far worker server beside the build's"
                    + " earlier phases in %.2f s: %s", spec.text(), (readyNanos - beganNanos) / 1e9, ahead <= 0
                    ? String.format(Locale.ROOT, "ready %.2f s before the tests asked for it", -ahead / 1e9)
                    : String.format(Locale.ROOT, "the tests waited %.2f s for it", ahead / 1e9)));
        } else {
            log.info("[" + spec.text() + "] on the ssh connection and worker server of an earlier run of this build");
        }
        return connector;
    }

    /**
     * The session attached ahead, waiting for it if it is still being attached (it began before this run asked);
     * null if that failed: the run attaches its own, and meets the reason if there is one.
     */
    @Override
    public AttachedAhead takeAttachedAhead() {
        CompletableFuture<AttachedAhead> taken = ahead;
        ahead = null;
        if (taken == null) {
            return null;
        }
        try {
            return taken.join();
        } catch (CompletionException e) {
            return null;
        }
    }

    private void dropAttachedAhead() {
        CompletableFuture<AttachedAhead> dropped = ahead;
        ahead = null;
        if (dropped != null) {
            dropped.thenAccept(AttachedAhead::close);
        }
    }

    private ServerClient.Connector awaitStarted() throws IOException {
        try {
            return started.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    void awaitQuietly() {
        started.handle((connector, failure) -> null).join();
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
     * The run is done with it: a connection that is still up goes back for the build's next run on this spec (the
     * next module), to be closed when the build ends; any other is closed now.
     */
    @Override
    public void close() {
        dropAttachedAhead(); // a run that attached its own left these unused
        if (runs > 0 && current.alive()) {
            ahead = attachAhead(CompletableFuture.completedFuture( // for the next module's run, where this one ran
                    new SshEndpoint.Reachable(connector, current.serverToken(), false)));
            if (EarlySshStarts.giveBack(spec, options, this)) {
                return;
            }
        }
        end();
    }

    /**
     * Closes the connection; one still being made is closed when it is made, without waiting here (an unreachable
     * host must not hold up the end of a build that never asked for it).
     */
    void end() {
        dropAttachedAhead();
        started.whenComplete((ignored, error) -> current.close());
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
