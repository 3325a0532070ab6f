package io.distest.maven.gateway;

import io.distest.maven.cds.ClassDataSharing;
import io.distest.maven.settings.SyncSettings;
import io.distest.maven.settings.WorkerSetup;
import io.distest.maven.sync.SyncHashes;
import io.distest.maven.sync.SyncPlan;
import io.distest.maven.tx.TxSpec;
import io.distest.protocol.FileEntry;
import io.distest.protocol.MessageChannel;
import io.distest.protocol.SpawnWorker;
import io.distest.protocol.WorkerFacts;
import io.distest.shared.Secrets;
import io.distest.shared.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.logging.Log;

/**
 * A gateway whose workers run under a worker server on a far side (reached by a socket, or started over ssh):
 * one session, one sync, then one server connection per worker.
 */
public final class RemoteGateway implements Gateway {

    /** Where the server is and how to reach it; for ssh also how to start it. */
    public interface Endpoint extends AutoCloseable {
        /** Makes the server reachable (for ssh: connects, installs and starts it). */
        ServerClient.Connector start() throws IOException;

        /** A session's connections attached before {@link #start()} was called, now the caller's; or null. */
        default AttachedAhead takeAttachedAhead() {
            return null;
        }

        String serverToken();

        String describe();

        @Override
        void close();
    }

    private final TxSpec spec;
    private final WorkerSetup setup;
    private final SyncSettings sync;
    private final String runToken;
    private final Log log;
    private final Endpoint endpoint;
    private ServerClient client;
    private SyncPlan plan;
    private CompletableFuture<ClassDataSharing.Layout> sharing;
    private long syncMillis;

    /** @param sync what travels to the far side besides the class path, and where it lands */
    public RemoteGateway(TxSpec spec, WorkerSetup setup, SyncSettings sync, String runToken, Log log, Endpoint endpoint) {
        this.spec = spec;
        this.setup = setup;
        this.sync = sync;
        this.runToken = runToken;
        this.log = log;
        this.endpoint = endpoint;
    }

    @Override
    public void open(List<WorkerLaunch> firstWorkers) throws IOException {
        // the local side of the sync (walking and hashing the files) goes on while the far side starts
        CompletableFuture<PlannedSync> planning = Background.supply("distest-sync-plan", () -> {
            try {
                SyncPlan plan = SyncPlan.of(setup.classpathWithWorkerJar(), sync);
                SyncHashes hashes = SyncHashes.ofModule(setup.moduleBasedir());
                List<FileEntry> manifest = plan.manifest(hashes);
                hashes.save();
                return new PlannedSync(plan, manifest);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        // which jars the far side may archive: read beside the start too, and needed only once a worker is asked for
        sharing = Background.supply("distest-sharing-layout",
                () -> ClassDataSharing.Layout.of(setup.testClasspath(), setup.localRepository()));
        ServerClient.Connector connector = endpoint.start(); // if it fails, that is the error (the plan ends unread)
        PlannedSync planned = awaitPlan(planning);
        plan = planned.plan();
        AttachedAhead ahead = endpoint.takeAttachedAhead();
        client = ahead != null ? new ServerClient(connector, endpoint.serverToken(), ahead, endpoint.describe())
                : new ServerClient(connector, endpoint.serverToken(), Secrets.hexId(12), endpoint.describe());
        List<SpawnWorker> firstSpawns = new ArrayList<>();
        for (WorkerLaunch launch : firstWorkers) {
            firstSpawns.add(spawnRequest(launch));
        }
        ServerClient.SyncStats stats = client.attachAndSync(plan.items(), planned.manifest(), home(), spec.count(),
                firstSpawns);
        WorkerFacts facts = client.facts();
        syncMillis = stats.millis();
        log.info(String.format("[%s] %s; synced %d files (%s): sent %d files (%s) in %.2f s%s", spec.text(),
                facts.platform(), stats.manifestFiles(), bytes(stats.manifestBytes()), stats.filesSent(),
                bytes(stats.bytesSent()), stats.millis() / 1000.0,
                stats.attachedAhead() ? ", on a session attached beside the build's earlier phases" : ""));
        client.listenForExits(log::warn);
    }

    /** The module and the tx spec: a lingering server keeps standby workers for the next session of both. */
    private String home() {
        String both = setup.moduleBasedir().toAbsolutePath().normalize() + "\n" + spec.text();
        return Sha256.hex(both.getBytes(StandardCharsets.UTF_8)).substring(0, 32);
    }

    /** The files to sync and their manifest, both made beside the far side's start. */
    private record PlannedSync(SyncPlan plan, List<FileEntry> manifest) {}

    private static PlannedSync awaitPlan(CompletableFuture<PlannedSync> planning) throws IOException {
        try {
            return planning.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    @Override
    public long roundTripMillis() {
        return client == null ? 0 : client.roundTripMillis();
    }

    @Override
    public long syncMillis() {
        return syncMillis;
    }

    /** Each spawn is its own server connection (a tunnel and an Attach round trip): they go side by side. */
    @Override
    public boolean spawnsConcurrently() {
        return true;
    }

    @Override
    public SpawnedWorker spawn(WorkerLaunch launch) throws IOException {
        MessageChannel channel = client.spawn(spawnRequest(launch));
        return new SpawnedWorker(new RemoteWorkerHandle(launch.workerId(), endpoint.describe(), channel,
                client.exitOf(launch.workerId())), channel);
    }

    /** What the far server is asked to start for {@code launch}, in its paths. */
    private SpawnWorker spawnRequest(WorkerLaunch launch) {
        List<String> classpath = setup.classpathWithWorkerJar().stream().map(plan::remotePathOf).toList();
        Map<String, String> environment = new LinkedHashMap<>(launch.environment(setup.jvm()));
        environment.putAll(spec.env());
        ClassDataSharing.Layout layout = sharing.join();
        return new SpawnWorker(launch.workerId(), spec.java().orElse("java"),
                WorkerJvmArgs.of(setup, launch, plan::remotePathOf), classpath,
                plan.remotePathOf(launch.workingDirectory(setup.jvm())),
                environment, runToken, List.copyOf(setup.jvm().excludedEnvironment()), sharedJars(layout),
                layout.allJars());
    }

    /**
     * The jars the far server may move first and map from a class data sharing archive of its own: the worker jar,
     * then the layout's (see {@link ClassDataSharing}).
     */
    private List<String> sharedJars(ClassDataSharing.Layout layout) {
        List<String> jars = new ArrayList<>();
        jars.add(plan.remotePathOf(setup.workerJar()));
        layout.archived().forEach(jar -> jars.add(plan.remotePathOf(jar)));
        return jars;
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
        endpoint.close();
    }

    static String bytes(long count) {
        if (count < 1024) {
            return count + " B";
        }
        if (count < 1024 * 1024) {
            return String.format("%.1f kB", count / 1024.0);
        }
        return String.format("%.1f MB", count / (1024.0 * 1024));
    }
}
