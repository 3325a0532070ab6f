package io.distest.worker.server;

import io.distest.shared.PrivateFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The server's directory, checked before it is trusted: {@code cas/} (the content store, shared by every server
 * on this root) and {@code run/ID/} (this server's own sessions and incoming files, held by a file lock for as
 * long as the server lives). Several servers may share a root (each ssh build starts one); the run directories
 * of servers that are gone (killed, crashed) are swept at start.
 */
final class ServerRoot implements AutoCloseable {
    /** A run directory without its lock is only taken for a leftover once it is this old (it may be starting). */
    private static final Duration UNLOCKED_GRACE = Duration.ofMinutes(1);
    /** Run directories of servers in this JVM: their locks cannot be probed from here without releasing them. */
    private static final Set<Path> OWN = ConcurrentHashMap.newKeySet();
    /** The name prefix of a run directory whose server is still taking its lock. */
    private static final String STARTING = ".starting-";

    private final Path root;
    private final Path run;
    private final FileChannel lockChannel;

    private ServerRoot(Path root, Path run, FileChannel lockChannel) {
        this.root = root;
        this.run = run;
        this.lockChannel = lockChannel;
    }

    /**
     * Creates the root {@code 0700} if absent, refuses it (saying why) if another user owns it or group or others
     * may write to it, sweeps what dead servers left, and makes this server's run directory.
     */
    static ServerRoot open(Path root, PrintStream log) throws IOException {
        Path dir = root.toAbsolutePath().normalize();
        PrivateFiles.createDirectories(dir);
        PrivateFiles.check(dir, "the server root", false);
        if (PrivateFiles.narrow(dir)) {
            log.println("distest server: narrowed " + dir + " to mode rwx------ (other users could read the cache)");
        }
        PrivateFiles.directory(dir.resolve("cas"), "the content store");
        Path runs = PrivateFiles.directory(dir.resolve("run"), "the run directory");
        sweep(runs, log);
        // Made under a starting name, locked, then renamed: a run directory under its own name always has its lock
        // held while its server lives, so a server starting beside this one never takes it for a leftover
        String id = UUID.randomUUID().toString();
        Path starting = runs.resolve(STARTING + id);
        Files.createDirectory(starting, PrivateFiles.mode(PrivateFiles.DIRECTORY));
        FileChannel lockChannel = FileChannel.open(starting.resolve("lock"), Set.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS), PrivateFiles.mode(PrivateFiles.FILE));
        lockChannel.lock();
        Path run = runs.resolve(id);
        Files.move(starting, run, StandardCopyOption.ATOMIC_MOVE);
        OWN.add(run);
        Files.createDirectory(run.resolve("sessions"), PrivateFiles.mode(PrivateFiles.DIRECTORY));
        Files.createDirectory(run.resolve("incoming"), PrivateFiles.mode(PrivateFiles.DIRECTORY));
        return new ServerRoot(dir, run, lockChannel);
    }

    /** Refuses the root (saying why) if, since the server started, another user may write to it or owns it. */
    void checkStillPrivate() throws IOException {
        PrivateFiles.check(root, "the server root", false);
    }

    Path cas() {
        return root.resolve("cas");
    }

    /** Class data sharing archives for the workers of every server here, and the jar copies they are made from. */
    Path cds() {
        return root.resolve("cds");
    }

    /** The content store's stamp index (see {@link ContentStore}): shared, like the store, by every server here. */
    Path casIndex() {
        return root.resolve("cas-stamps.tsv");
    }

    Path sessions() {
        return run.resolve("sessions");
    }

    Path incoming() {
        return run.resolve("incoming");
    }

    /** Removes the run directories whose server is gone: nobody holds their lock. */
    private static void sweep(Path runs, PrintStream log) throws IOException {
        List<Path> candidates;
        try (Stream<Path> list = Files.list(runs)) {
            candidates = list.filter(p -> !OWN.contains(p)).toList();
        }
        for (Path candidate : candidates) {
            if (isLeftover(candidate)) {
                try {
                    SafePaths.deleteTree(candidate);
                    log.println("distest server: swept " + candidate + ", left by a server that is gone");
                } catch (IOException e) {
                    log.println("distest server: could not sweep " + candidate + ": " + e.getMessage());
                }
            }
        }
    }

    private static boolean isLeftover(Path run) {
        Path lock = run.resolve("lock");
        if (!Files.isDirectory(run, LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        // a server still starting may not hold its lock yet: only its age tells
        if (run.getFileName().toString().startsWith(STARTING) || !Files.isRegularFile(lock, LinkOption.NOFOLLOW_LINKS)) {
            try {
                return Files.getLastModifiedTime(run, LinkOption.NOFOLLOW_LINKS).toInstant()
                        .isBefore(Instant.now().minus(UNLOCKED_GRACE));
            } catch (IOException e) {
                return false;
            }
        }
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            FileLock taken = channel.tryLock();
            return taken != null; // released when the channel closes
        } catch (OverlappingFileLockException | IOException e) {
            return false;
        }
    }

    /** Releases the lock and removes this server's run directory. */
    @Override
    public void close() throws IOException {
        try {
            SafePaths.deleteTree(run);
        } finally {
            OWN.remove(run);
            lockChannel.close();
        }
    }
}
