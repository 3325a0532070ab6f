package io.distest.maven.gateway.ssh;

import io.distest.maven.gateway.RemoteGateway;
import io.distest.maven.gateway.ssh.SshOptions;
import io.distest.maven.tx.Transport;
import io.distest.maven.tx.TxSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugin.logging.Log;

/**
 * ssh gateways started while the build is still in its earlier phases (compile, test-compile): the test phase then
 * finds the connection made and the far worker server running. The connect, the authentication and the server's
 * JVM start (about 0.4 s plus three round trips plus 0.5–1 s) overlap the build's own work instead of preceding
 * the first test. None of it needs the project's compiled classes; the sync, which does, stays in the test phase.
 *
 * <p>One start per distinct spec and ssh options, for the whole Maven session (the take-over extension and the
 * mojos share this plugin's class realm). A run that asks for that spec with the same options claims it, and gives
 * it back when it ends, so the modules of a reactor share one connection and far server per spec; a run with
 * other options, or one running beside the claimer (-T), connects on its own. What is kept here is closed when
 * the session ends.
 */
public final class EarlySshStarts {
    private static final Map<Key, EarlySshEndpoint> STARTED = new LinkedHashMap<>();

    private record Key(String spec, SshOptions options) {
        static Key of(TxSpec spec, SshOptions options) {
            return new Key(spec.text(), options.withSshConfig(absolute(options.sshConfig()))
                    .withKnownHosts(absolute(options.knownHosts()))
                    .withIdentities(options.identities().stream().map(Key::absolute).toList()));
        }

        private static Path absolute(Path path) {
            return path.toAbsolutePath().normalize();
        }
    }

    private EarlySshStarts() {}

    /**
     * Starts connecting for {@code spec} in the background unless it is not an ssh spec or a start for it (with these
     * options) is already under way. Returns whether it started one; never fails the build: whatever keeps it from
     * starting (no temporary directory for the worker jar), the run meets again and reports when it connects.
     */
    public static synchronized boolean begin(TxSpec spec, SshOptions options) {
        if (!(spec.transport() instanceof Transport.Ssh address)) {
            return false;
        }
        Key key = Key.of(spec, options);
        if (STARTED.containsKey(key)) {
            return false;
        }
        try {
            STARTED.put(key, EarlySshEndpoint.begin(spec, address, options));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * The endpoint started early for {@code spec} with these options, now the caller's: it reports into
     * {@code log}, and falls back to {@code workerJar} should it have to connect again.
     */
    public static Optional<RemoteGateway.Endpoint> claim(TxSpec spec, SshOptions options, Path workerJar, Log log) {
        EarlySshEndpoint early;
        synchronized (EarlySshStarts.class) {
            early = STARTED.remove(Key.of(spec, options));
        }
        return Optional.ofNullable(early).map(endpoint -> endpoint.claimedBy(log, workerJar));
    }

    /** Waits until the start for {@code spec} (if any) has done what it does before a run claims it; for tests. */
    public static void awaitStarted(TxSpec spec, SshOptions options) {
        EarlySshEndpoint early;
        synchronized (EarlySshStarts.class) {
            early = STARTED.get(Key.of(spec, options));
        }
        if (early != null) {
            early.awaitQuietly();
        }
    }

    /** Keeps a run's connection for the next run on the same spec; false when a start for it is already kept. */
    static synchronized boolean giveBack(TxSpec spec, SshOptions options, EarlySshEndpoint endpoint) {
        return STARTED.putIfAbsent(Key.of(spec, options), endpoint) == null;
    }

    /** Closes every connection kept here: the build ended (or failed, or never reached its tests). */
    public static void closeAll() {
        List<EarlySshEndpoint> kept;
        synchronized (EarlySshStarts.class) {
            kept = new ArrayList<>(STARTED.values());
            STARTED.clear();
        }
        kept.forEach(EarlySshEndpoint::end);
    }
}
