package io.distest.worker.server;

import io.distest.shared.PrivateFiles;
import io.distest.protocol.FileData;
import io.distest.protocol.FileEntry;
import io.distest.protocol.Message;
import io.distest.protocol.MessageChannel;
import io.distest.protocol.Refused;
import io.distest.protocol.SpawnWorker;
import io.distest.protocol.SyncDone;
import io.distest.protocol.SyncManifest;
import io.distest.protocol.SyncRequest;
import io.distest.protocol.WorkerExited;
import java.io.EOFException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One build's stay on the server: its own directory, laid out from the content store; the worker JVMs it
 * started, which end with it. Lives as long as its control connection.
 */
final class Session implements AutoCloseable {
    private final String id;
    private final Path directory;
    private final ContentStore store;
    private final MessageChannel control;
    private final PrintStream log;
    private final Set<RemoteWorker> workers = ConcurrentHashMap.newKeySet();
    private final FarSharing sharing;
    /** The files of the last sync, each with its content's SHA-256. */
    private volatile Map<Path, String> synced = Map.of();
    private volatile boolean syncing;

    /** @param cds the server root's class data sharing cache */
    Session(String id, Path sessions, ContentStore store, Path cds, MessageChannel control, PrintStream log) {
        this.id = id;
        this.directory = sessions.resolve(id);
        this.store = store;
        this.control = control;
        this.log = log;
        this.sharing = new FarSharing(cds, store, log);
    }

    /** Creates the session's directory fresh ({@code 0700}): whatever was there before is removed, never reused. */
    void open() throws IOException {
        try {
            Files.createDirectory(directory, PrivateFiles.mode(PrivateFiles.DIRECTORY));
        } catch (FileAlreadyExistsException e) {
            SafePaths.deleteTree(directory);
            Files.createDirectory(directory, PrivateFiles.mode(PrivateFiles.DIRECTORY));
        }
    }

    /** Whether something runs for this session: a sync under way or a worker alive. */
    boolean busy() {
        return syncing || !workers.isEmpty();
    }

    /** Serves sync requests until the control connection ends. */
    void control() throws IOException {
        log.println("distest server: session " + id + " opened");
        try {
            while (true) {
                Message message = control.receive();
                if (message instanceof SyncManifest manifest) {
                    syncing = true;
                    try {
                        sync(manifest);
                    } finally {
                        syncing = false;
                    }
                } else {
                    throw new IOException("unexpected " + message.getClass().getSimpleName() + " on the control connection");
                }
            }
        } catch (EOFException e) {
            log.println("distest server: session " + id + " closed by the client");
        }
    }

    private void sync(SyncManifest manifest) throws IOException {
        List<FileEntry> files = manifest.files();
        List<Path> targets = new ArrayList<>();
        try {
            for (FileEntry entry : files) {
                targets.add(SafePaths.resolve(directory, entry.path()));
                store.pathOf(entry.sha256());
            }
        } catch (IllegalArgumentException e) {
            refuse("manifest refused: " + e.getMessage());
            throw new IOException("manifest refused: " + e.getMessage());
        }
        List<Integer> missing = new ArrayList<>();
        Set<String> requested = new HashSet<>();
        for (int i = 0; i < files.size(); i++) {
            String sha256 = files.get(i).sha256();
            if (!requested.contains(sha256) && !store.has(sha256)) { // the same content under two paths travels once
                requested.add(sha256);
                missing.add(i);
            }
        }
        control.send(new SyncRequest(missing));
        long bytes = 0;
        int received = 0;
        for (int index : missing) {
            FileEntry entry = files.get(index);
            try (ContentStore.Incoming incoming = store.receive(entry.sha256(), entry.size())) {
                while (true) {
                    Message message = control.receive();
                    if (!(message instanceof FileData data) || data.index() != index) {
                        throw new IOException("expected content of manifest entry " + index + ", got " + message);
                    }
                    incoming.write(data.bytes());
                    bytes += data.bytes().length;
                    if (data.last()) {
                        break;
                    }
                }
                incoming.commit();
                received++;
            } catch (IOException e) {
                refuse(entry.path() + ": " + e.getMessage());
                throw e;
            }
        }
        for (int i = 0; i < files.size(); i++) {
            FileEntry entry = files.get(i);
            try {
                SafePaths.createDirectories(directory, targets.get(i).getParent());
                if (Files.isDirectory(targets.get(i), LinkOption.NOFOLLOW_LINKS)) {
                    throw new IOException("a directory is in the way");
                }
                store.materialize(entry.sha256(), targets.get(i), entry.executable());
            } catch (IOException e) {
                refuse(entry.path() + ": " + e.getMessage());
                throw new IOException(entry.path() + ": " + e.getMessage(), e);
            }
        }
        Map<Path, String> content = new HashMap<>();
        for (int i = 0; i < files.size(); i++) {
            content.put(targets.get(i), files.get(i).sha256());
        }
        synced = content;
        control.send(new SyncDone(received, bytes, directory.toString()));
        store.saveIndex(); // after the answer: the build does not wait for it
    }

    /**
     * Starts the worker this connection asks for and relays its bytes until either side ends.
     *
     * @param spawning told once the worker is asked for (from then on the connection is busy, never idle)
     */
    void runWorker(MessageChannel channel, Socket client, Runnable spawning) throws IOException {
        Message message = channel.receive();
        if (!(message instanceof SpawnWorker spawn)) {
            throw new IOException("expected SpawnWorker, got " + message.getClass().getSimpleName());
        }
        spawning.run();
        RemoteWorker worker;
        try {
            worker = RemoteWorker.start(spawn, directory, (classpath, jvmArgs) -> sharing.start(spawn, classpath, jvmArgs,
                    synced, directory), log);
        } catch (IOException | IllegalArgumentException e) {
            channel.send(new Refused(e.getMessage()));
            return;
        }
        workers.add(worker);
        try {
            worker.relay(client);
        } finally {
            workers.remove(worker);
            String exit = worker.stop();
            notice(new WorkerExited(spawn.workerId(), exit, worker.tail(20)));
        }
    }

    /** Tells the client why; the caller then throws, and the server logs that one line. */
    private void refuse(String reason) {
        notice(new Refused(reason));
    }

    private void notice(Message message) {
        try {
            control.send(message);
        } catch (IOException ignored) {
            // the client is gone; the session ends with it
        }
    }

    @Override
    public void close() {
        workers.forEach(RemoteWorker::stop);
        try {
            SafePaths.deleteTree(directory);
        } catch (IOException e) {
            log.println("distest server: could not remove " + directory + ": " + e.getMessage());
        }
    }
}
