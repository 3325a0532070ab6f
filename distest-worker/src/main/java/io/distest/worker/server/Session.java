package io.distest.worker.server;

import io.distest.shared.FileStamp;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * One build's stay on the server: its own directory, laid out from the content store; the worker JVMs it
 * started, which end with it. Lives as long as its control connection. A session that names its home (see
 * {@link SyncManifest#home()}) takes over what the home's last session left on a lingering server, if nothing else
 * has: its directory, emptied of files, and its standby JVMs; and leaves its own when it ends (see {@link WarmHomes}).
 */
final class Session implements AutoCloseable {
    private final String id;
    /** Fresh, or the directory of the home's last session once the first sync took it over. */
    private volatile Path directory;
    private final ContentStore store;
    private final WarmHomes homes;
    private final MessageChannel control;
    private final PrintStream log;
    private final Set<RemoteWorker> workers = ConcurrentHashMap.newKeySet();
    private final FarSharing sharing;
    /** Each worker id's last request, for the standbys this session leaves. */
    private final Map<String, SpawnWorker> spawns = new ConcurrentHashMap<>();
    /** The standbys of the home's last session, by worker id; each is taken by its worker's spawn, or ended. */
    private final Map<String, FarStandby> standbys = new ConcurrentHashMap<>();
    private volatile String home;
    /** What the syncs laid out, for the home's next session (see {@link WarmHomes.LaidOut}). */
    private final Map<Path, WarmHomes.LaidOut> laidOut = new ConcurrentHashMap<>();
    /** Files of the home's last session that this session's manifest asks for unchanged: they stay where they are. */
    private Map<Path, WarmHomes.LaidOut> unchanged = Map.of();
    /** The files of the last sync, each with its content's SHA-256. */
    private volatile Map<Path, String> synced = Map.of();
    private volatile boolean syncing;
    /** Done once the first sync has laid the files out; failed if the session ends first. */
    private final CompletableFuture<Void> firstSync = new CompletableFuture<>();

    /** @param cds the server root's class data sharing cache */
    Session(String id, Path sessions, ContentStore store, Path cds, WarmHomes homes, MessageChannel control,
            PrintStream log) {
        this.id = id;
        this.directory = sessions.resolve(id);
        this.store = store;
        this.homes = homes;
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
                        firstSync.complete(null);
                    } finally {
                        syncing = false;
                    }
                } else {
                    throw new IOException("unexpected " + message.getClass().getSimpleName() + " on the control connection");
                }
            }
        } catch (EOFException e) {
            log.println("distest server: session " + id + " closed by the client");
        } finally {
            firstSync.completeExceptionally(new IOException("the session ended before its files were synced"));
        }
    }

    private void sync(SyncManifest manifest) throws IOException {
        List<FileEntry> files = manifest.files();
        if (manifest.home() != null && home == null) {
            moveHome(manifest.home(), files);
        }
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
            Path target = targets.get(i);
            try {
                WarmHomes.LaidOut before = unchanged.get(target);
                if (before != null && before.stillIs(entry.sha256(), entry.executable(), target)) {
                    laidOut.put(target, before);
                    continue;
                }
                SafePaths.createDirectories(directory, target.getParent());
                if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                    throw new IOException("a directory is in the way");
                }
                store.materialize(entry.sha256(), target, entry.executable());
                laidOut.put(target, new WarmHomes.LaidOut(entry.sha256(), entry.executable(), FileStamp.of(target)));
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
     * Takes over the home's last session, if one is kept: its directory and its standbys. The directory is emptied of
     * files, as a fresh one, but for those {@code files} asks for that are still as the last session laid them out;
     * the directories stay, for a standby's working directory must not change.
     */
    private void moveHome(String key, List<FileEntry> files) throws IOException {
        if (!key.matches("[A-Za-z0-9_-]{1,64}")) {
            refuse("invalid home \"" + key + "\"");
            throw new IOException("invalid home");
        }
        home = key;
        WarmHomes.Home last = homes.take(key);
        if (last == null) {
            return;
        }
        try {
            unchanged = unchangedFiles(last, files);
            SafePaths.deleteFiles(last.directory(), RemoteWorker.workerFiles(last.directory()), unchanged.keySet());
        } catch (IOException e) {
            homes.end(last);
            throw e;
        }
        SafePaths.deleteTree(directory);
        directory = last.directory();
        standbys.putAll(last.standbys());
        log.println("distest server: session " + id + " took over its home's last directory, with "
                + standbys.size() + " standby workers and " + unchanged.size() + " of " + files.size()
                + " files unchanged");
    }

    /** The files of the home's last session that {@code files} asks for with the same content, untouched since. */
    private static Map<Path, WarmHomes.LaidOut> unchangedFiles(WarmHomes.Home last, List<FileEntry> files)
            throws IOException {
        Map<Path, WarmHomes.LaidOut> kept = new HashMap<>();
        for (FileEntry entry : files) {
            Path target;
            try {
                target = SafePaths.resolve(last.directory(), entry.path());
            } catch (IllegalArgumentException e) {
                continue; // refused below, with the rest of the manifest
            }
            WarmHomes.LaidOut before = last.laidOut().get(target);
            if (before != null && before.stillIs(entry.sha256(), entry.executable(), target)) {
                kept.put(target, before);
            }
        }
        return kept;
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
            awaitFirstSync(); // a client may ask for its workers right behind its manifest
            FarStandby standby = standbys.remove(spawn.workerId());
            if (standby != null && standby.fits(spawn, FarStandby.shapeOf(spawn, directory, synced))) {
                worker = RemoteWorker.handOver(spawn, standby.process(), directory, log);
            } else {
                if (standby != null) {
                    standby.end();
                    log.println("distest server: the standby JVM for " + spawn.workerId() + " does not fit its run"
                            + " (it ended, or the command line or a jar changed): a fresh one starts");
                }
                worker = RemoteWorker.start(spawn, directory, plan(spawn), log);
            }
        } catch (IOException | IllegalArgumentException e) {
            channel.send(new Refused(e.getMessage()));
            return;
        }
        spawns.put(spawn.workerId(), spawn);
        workers.add(worker);
        try {
            worker.relay(client);
        } finally {
            workers.remove(worker);
            String exit = worker.stop();
            notice(new WorkerExited(spawn.workerId(), exit, worker.tail(20)));
        }
    }

    /** Waits for the first sync to lay the session's files out (as long as it takes: the session ends otherwise). */
    private void awaitFirstSync() throws IOException {
        try {
            firstSync.get();
        } catch (ExecutionException e) {
            throw new IOException(e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("the server is ending");
        }
    }

    private RemoteWorker.StartPlan plan(SpawnWorker spawn) {
        return (classpath, jvmArgs) -> sharing.start(spawn, classpath, jvmArgs, synced, directory);
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

    /** Ends the workers; then leaves the directory and a standby per worker to the home, or removes the directory. */
    @Override
    public void close() {
        firstSync.completeExceptionally(new IOException("the session ended before its files were synced"));
        workers.forEach(RemoteWorker::stop);
        standbys.values().forEach(FarStandby::end);
        standbys.clear();
        if (home != null && !spawns.isEmpty() && homes.keeping()) {
            homes.keep(home, new WarmHomes.Home(directory, startStandbys(), Map.copyOf(laidOut)));
            return;
        }
        try {
            SafePaths.deleteTree(directory);
        } catch (IOException e) {
            log.println("distest server: could not remove " + directory + ": " + e.getMessage());
        }
    }

    /** A standby for each worker this session ran, on its command line; one that cannot start is left out. */
    private Map<String, FarStandby> startStandbys() {
        Map<String, FarStandby> started = new HashMap<>();
        spawns.forEach((workerId, spawn) -> {
            try {
                started.put(workerId, FarStandby.start(spawn, directory, synced, plan(spawn)));
            } catch (IOException | RuntimeException e) {
                log.println("distest server: no standby for " + workerId + ": " + e.getMessage());
            }
        });
        log.println("distest server: session " + id + " left " + started.size() + " standby workers to its home");
        return started;
    }
}
