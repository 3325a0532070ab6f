package io.distest.maven.gateway;

import io.distest.maven.sync.SyncPlan;
import io.distest.protocol.Attach;
import io.distest.protocol.FileData;
import io.distest.protocol.FileEntry;
import io.distest.protocol.Message;
import io.distest.protocol.MessageChannel;
import io.distest.protocol.ProtocolException;
import io.distest.protocol.Refused;
import io.distest.protocol.SpawnWorker;
import io.distest.protocol.SyncDone;
import io.distest.protocol.SyncManifest;
import io.distest.protocol.SyncRequest;
import io.distest.protocol.WorkerExited;
import io.distest.protocol.WorkerFacts;
import io.distest.shared.Quietly;
import io.distest.shared.Secrets;
import io.distest.shared.Sha256;
import io.distest.shared.Threads;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * Speaks to a worker server ({@code distest-worker.jar serve}) over streams a {@link Connector} provides: one
 * control connection (attach, sync, then exit notices) and one connection per worker.
 */
public final class ServerClient implements AutoCloseable {
    private static final int CHUNK_BYTES = 512 * 1024;

    /** Opens a new two-way stream to the server (a TCP connection, an ssh tunnel). */
    public interface Connector {
        Duplex open() throws IOException;
    }

    /** A worker's request sent ahead and its connection, once the request is on its way. */
    private record AskedAhead(SpawnWorker spawn, CompletableFuture<MessageChannel> channel) {}

    /** What a sync did, for the build log. */
    record SyncStats(int manifestFiles, long manifestBytes, int filesSent, long bytesSent, long millis,
            boolean attachedAhead) {}

    private final Connector connector;
    private final String serverToken;
    private String sessionId;
    /** Connections an early start attached for this client, until {@link #attachAndSync} takes them; or null. */
    private AttachedAhead ahead;
    private final String where;
    private final Map<String, CompletableFuture<WorkerExited>> exits = new ConcurrentHashMap<>();
    /** Worker connections opened and attached during the sync, each taken by one spawn. */
    private final Queue<CompletableFuture<MessageChannel>> prepared = new ConcurrentLinkedQueue<>();
    /** Requests sent behind the manifest (see {@link #askAhead}), by worker id, until that worker's spawn takes one. */
    private final Map<String, AskedAhead> askedAhead = new ConcurrentHashMap<>();
    private MessageChannel control;
    private volatile WorkerFacts facts;
    /** The quickest Attach answer so far (the first ones pay the far side's warm-up); -1 before any. */
    private long roundTripMillis = -1; // written by each spawn too, and spawns may run side by side

    ServerClient(Connector connector, String serverToken, String sessionId, String where) {
        this.connector = connector;
        this.serverToken = serverToken;
        this.sessionId = sessionId;
        this.where = where;
    }

    /** A client whose session's connections were attached ahead (see {@link AttachedAhead}). */
    ServerClient(Connector connector, String serverToken, AttachedAhead ahead, String where) {
        this(connector, serverToken, ahead.sessionId(), where);
        this.ahead = ahead;
    }

    /**
     * Opens the session and syncs: the manifest goes out once the server has proved that it knows the token.
     * What the server runs on is then {@link #facts()}. While the far side syncs, {@code workerConnections} worker
     * connections are opened and attached, for the first spawns to take.
     *
     * @param home what this session's runs are, for a lingering server's standby workers (see {@link SyncManifest})
     */
    SyncStats attachAndSync(List<SyncPlan.Item> items, List<FileEntry> manifest, String home, int workerConnections,
            List<SpawnWorker> firstSpawns) throws IOException {
        SyncManifest message = new SyncManifest(manifest, home);
        if (ahead != null) {
            SyncStats stats = syncOnAttachedAhead(items, manifest, message, firstSpawns);
            if (stats != null) {
                return stats;
            }
        }
        control = attachedChannel(Attach.CONTROL, message);
        long start = System.nanoTime(); // as for sync(): from the server's reading the manifest, not the Attach
        prepareWorkerConnections(workerConnections); // the session exists now; the far side syncs meanwhile
        askAhead(firstSpawns);
        return syncAfterManifest(items, manifest, start, control.receive());
    }

    /**
     * Sends the first workers' requests on the prepared connections, each as soon as its connection is attached: the
     * far side starts them (or hands their standbys over) once its sync is done, not a round trip after.
     */
    private void askAhead(List<SpawnWorker> spawns) {
        for (SpawnWorker spawn : spawns) {
            CompletableFuture<MessageChannel> connection = prepared.poll();
            if (connection == null) {
                return;
            }
            exits.put(spawn.workerId(), new CompletableFuture<>());
            askedAhead.put(spawn.workerId(), new AskedAhead(spawn, connection.thenApply(channel -> {
                try {
                    channel.send(spawn);
                    return channel;
                } catch (IOException e) {
                    Quietly.close(channel);
                    throw new UncheckedIOException(e);
                }
            })));
        }
    }

    /**
     * Syncs on the connections attached ahead; null, with them closed and a new session id taken, if the far side
     * no longer has them (it drops a connection idle for 10 minutes: a long compile), for a fresh attach to follow.
     */
    private SyncStats syncOnAttachedAhead(List<SyncPlan.Item> items, List<FileEntry> manifest, SyncManifest message,
            List<SpawnWorker> firstSpawns) throws IOException {
        AttachedAhead taken = ahead;
        ahead = null;
        long start = System.nanoTime();
        Message answer;
        try {
            taken.control().channel().send(message);
        } catch (IOException e) {
            taken.close();
            sessionId = Secrets.hexId(12);
            return null;
        }
        prepared.addAll(taken.workers());
        askAhead(firstSpawns);
        try {
            answer = taken.control().channel().receive();
        } catch (IOException e) {
            closeAskedAhead();
            taken.close();
            sessionId = Secrets.hexId(12);
            return null;
        }
        control = taken.control().channel();
        facts = taken.control().facts();
        noteRoundTrip(taken.control().roundTripMillis());
        SyncStats stats = syncAfterManifest(items, manifest, start, answer);
        return new SyncStats(stats.manifestFiles(), stats.manifestBytes(), stats.filesSent(), stats.bytesSent(),
                stats.millis(), true);
    }

    /** Worker connections for the first spawns to take, attached while the far side syncs. */
    private void prepareWorkerConnections(int count) {
        ServerHandshake.attachWorkers(connector, serverToken, sessionId, where, count)
                .forEach(worker -> prepared.add(worker.thenApply(attachment -> {
                    noteRoundTrip(attachment.roundTripMillis());
                    return attachment.channel();
                })));
    }

    /** The link's round trip, for scheduling: the quickest Attach, from sending it to its answer (0 before any). */
    synchronized long roundTripMillis() {
        return Math.max(0, roundTripMillis);
    }

    private synchronized void noteRoundTrip(long millis) {
        roundTripMillis = roundTripMillis < 0 ? millis : Math.min(roundTripMillis, millis);
    }

    /**
     * Opens a connection and attaches it; {@code next}, if not null, is sent once the server has proved the token
     * (never before: it may hold a manifest or a worker's environment).
     */
    private MessageChannel attachedChannel(String purpose, Message next) throws IOException {
        ServerHandshake.Attachment attachment = ServerHandshake.attach(connector.open(), serverToken, sessionId,
                purpose, where);
        noteRoundTrip(attachment.roundTripMillis());
        facts = attachment.facts();
        MessageChannel channel = attachment.channel();
        if (next != null) {
            try {
                channel.send(next);
            } catch (IOException e) {
                channel.close();
                throw e;
            }
        }
        return channel;
    }

    /** After the manifest went out and {@code answer} came: sends only the content the far side lacks. */
    private SyncStats syncAfterManifest(List<SyncPlan.Item> items, List<FileEntry> manifest, long start, Message answer)
            throws IOException {
        SyncRequest request = expect(SyncRequest.class, answer);
        long bytesSent = 0;
        for (int index : request.missing()) {
            if (index < 0 || index >= items.size()) {
                throw new ProtocolException(where + " asked for manifest entry " + index + " of " + items.size());
            }
            bytesSent += send(index, items.get(index), manifest.get(index));
        }
        SyncDone done = expect(SyncDone.class, control.receive());
        long manifestBytes = manifest.stream().mapToLong(FileEntry::size).sum();
        return new SyncStats(manifest.size(), manifestBytes, done.filesReceived(), bytesSent,
                (System.nanoTime() - start) / 1_000_000, false);
    }

    /** Streams one file; if it changed since it was hashed, the sync fails rather than send the wrong bytes. */
    private long send(int index, SyncPlan.Item item, FileEntry entry) throws IOException {
        MessageDigest digest = Sha256.digest();
        long sent = 0;
        try (InputStream in = Files.newInputStream(item.local())) {
            byte[] buffer = new byte[CHUNK_BYTES];
            while (true) {
                int n = in.readNBytes(buffer, 0, buffer.length);
                byte[] chunk = java.util.Arrays.copyOf(buffer, n);
                digest.update(chunk);
                sent += n;
                boolean last = n < buffer.length || sent == entry.size();
                if (last && !Sha256.hex(digest).equals(entry.sha256())) {
                    throw new IOException(item.local() + " changed while it was being sent to " + where
                            + "; run the build again once nothing writes to it");
                }
                control.send(new FileData(index, chunk, last));
                if (last) {
                    return sent;
                }
            }
        }
    }

    /** After the sync, the control connection brings exit notices of this session's workers. */
    void listenForExits(Consumer<String> warn) {
        Threads.start(() -> {
            try {
                while (true) {
                    Message message = control.receive();
                    if (message instanceof WorkerExited exited) {
                        exits.computeIfAbsent(exited.workerId(), id -> new CompletableFuture<>()).complete(exited);
                    } else if (message instanceof Refused refused) {
                        warn.accept("distest: " + where + ": " + refused.reason());
                    }
                }
            } catch (IOException e) {
                WorkerExited lost = new WorkerExited("?", "unknown: the connection to " + where + " was lost ("
                        + e.getMessage() + ")", "");
                exits.values().forEach(f -> f.complete(lost));
            }
        }, "distest-control-" + sessionId);
    }

    /** Asks the server to start a worker; the returned channel then carries that worker's own messages. */
    MessageChannel spawn(SpawnWorker spawn) throws IOException {
        AskedAhead asked = askedAhead.remove(spawn.workerId());
        if (asked != null) {
            try {
                MessageChannel channel = asked.channel().join();
                if (asked.spawn().equals(spawn)) {
                    return channel;
                }
                Quietly.close(channel); // not what the run asks for now: that worker ends with its connection
            } catch (RuntimeException e) {
                // that connection did not make it: a fresh one below says why if this one fails too
            }
        }
        exits.put(spawn.workerId(), new CompletableFuture<>());
        CompletableFuture<MessageChannel> ready = prepared.poll();
        if (ready != null) {
            MessageChannel channel = null;
            try {
                channel = ready.join();
                channel.send(spawn);
                return channel;
            } catch (IOException | RuntimeException e) {
                // that connection did not make it: a fresh one below says why if this one fails too
                if (channel != null) {
                    channel.close();
                }
            }
        }
        return attachedChannel(Attach.WORKER, spawn);
    }

    CompletableFuture<WorkerExited> exitOf(String workerId) {
        return exits.computeIfAbsent(workerId, id -> new CompletableFuture<>());
    }

    WorkerFacts facts() {
        return facts;
    }

    private <T extends Message> T expect(Class<T> type, Message message) throws IOException {
        if (message instanceof Refused refused) {
            throw new IOException(where + " refused the sync: " + refused.reason());
        }
        if (!type.isInstance(message)) {
            throw new ProtocolException(where + " answered " + message.getClass().getSimpleName() + " instead of "
                    + type.getSimpleName());
        }
        return type.cast(message);
    }

    /** Closes the connections of requests sent ahead that no spawn took: their workers end with them. */
    private void closeAskedAhead() {
        askedAhead.values().forEach(asked -> asked.channel().thenAccept(Quietly::close));
        askedAhead.clear();
    }

    @Override
    public void close() {
        if (ahead != null) {
            ahead.close();
        }
        closeAskedAhead();
        for (CompletableFuture<MessageChannel> unused; (unused = prepared.poll()) != null; ) {
            unused.whenComplete((channel, failure) -> {
                if (channel != null) {
                    try {
                        channel.close();
                    } catch (IOException ignored) {
                        // it was never used
                    }
                }
            });
        }
        try {
            if (control != null) {
                control.close();
            }
        } catch (IOException ignored) {
            // the server ends the session when the connection goes
        }
    }
}
