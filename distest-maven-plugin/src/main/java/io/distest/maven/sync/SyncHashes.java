package io.distest.maven.sync;

import io.distest.shared.AtomicFiles;
import io.distest.shared.FileStamp;
import io.distest.shared.PrivateFiles;
import io.distest.shared.Sha256;
import io.distest.shared.UserCache;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The content hashes of the files a module's last sync sent, each with the {@link FileStamp} its file had when it
 * was hashed ({@code ~/.cache/distest/sync-hashes/KEY.tsv}, one file per module): the next sync hashes only what
 * changed. Hashing a class path's jars in a JVM that has not compiled the digest yet costs a tenth of a second or
 * more, on the path from the test phase to the first remote test.
 *
 * <p>A kept hash tells the far side which content to lay out without sending it, so a wrong one would run stale
 * code. It is used only while its file has exactly the recorded stamp (inode, size, modification and change time,
 * which no user can set back), never for a file touched within {@link #SETTLE} of its hashing (it could change again
 * within the same clock tick), and only from this user's private cache: another account cannot write there.
 */
public final class SyncHashes {
    static final String HEADER = "distest sync hashes v1";
    /** A file touched this recently when hashed is hashed again next time. */
    static final Duration SETTLE = Duration.ofSeconds(2);
    /** A module's memory unwritten this long is removed. */
    static final Duration FORGOTTEN_AFTER = Duration.ofDays(30);
    /** A memory larger than this is not read. */
    private static final long MAX_BYTES = 16L * 1024 * 1024;

    private record Entry(FileStamp stamp, String sha256) {}

    private final Path file;
    private final Duration settle;
    private final Map<String, Entry> kept;
    private final Map<String, Entry> now = new ConcurrentHashMap<>();
    private volatile boolean changed;

    private SyncHashes(Path file, Duration settle, Map<String, Entry> kept) {
        this.file = file;
        this.settle = settle;
        this.kept = kept;
    }

    /** The module's memory in this user's cache; one that keeps nothing when the cache cannot be made private. */
    public static SyncHashes ofModule(Path moduleBasedir) {
        return in(UserCache.directory("sync-hashes"), moduleBasedir, SETTLE);
    }

    /** The module's memory in {@code cache}, if that can be had private (see {@link UserCache#at}). */
    static SyncHashes in(Path cache, Path moduleBasedir, Duration settle) {
        return UserCache.at(cache, "sync content hashes")
                .map(directory -> at(directory.resolve(fileName(moduleBasedir)), settle))
                .orElseGet(SyncHashes::none);
    }

    /** Keeps nothing: every file is hashed. */
    public static SyncHashes none() {
        return new SyncHashes(null, SETTLE, Map.of());
    }

    /**
     * The memory kept in {@code file} (in a private directory; empty if absent, not private or not one), keeping the
     * hash of a file touched {@code settle} or longer before its hashing.
     */
    static SyncHashes at(Path file, Duration settle) {
        return new SyncHashes(file, settle, read(file));
    }

    /** The SHA-256 of {@code local}'s content: the kept one if its stamp is unchanged, else read now. */
    String sha256(Path local) throws IOException {
        String key = local.toAbsolutePath().normalize().toString();
        FileStamp before = FileStamp.of(local);
        Entry entry = kept.get(key);
        if (entry != null && before != null && entry.stamp().equals(before)) {
            now.put(key, entry);
            return entry.sha256();
        }
        Instant hashedAt = Instant.now().minus(settle);
        String sha256 = Sha256.hexOf(local);
        boolean settled = before != null && before.keepable() && !before.touchedSince(hashedAt);
        if (settled && before.equals(FileStamp.of(local))) { // and not changed while it was read
            now.put(key, new Entry(before, sha256));
            changed = true;
        }
        return sha256;
    }

    /**
     * Writes what this sync hashed or used (and nothing else: files no longer synced are forgotten), and removes the
     * memories of modules no build synced for {@link #FORGOTTEN_AFTER} (a module moved, a test's temporary one).
     */
    public void save() throws IOException {
        if (file == null || (!changed && now.size() == kept.size())) {
            return;
        }
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        new TreeMap<>(now).forEach((path, entry) -> text.append(entry.sha256()).append('\t')
                .append(entry.stamp().format()).append('\t').append(path).append('\n'));
        AtomicFiles.writeString(file, text.toString());
        forgetOldModules(file.getParent(), Instant.now().minus(FORGOTTEN_AFTER));
    }

    private static void forgetOldModules(Path directory, Instant before) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path other : (Iterable<Path>) files::iterator) {
                if (other.getFileName().toString().matches("[0-9a-f]{32}\\.tsv")
                        && Files.getLastModifiedTime(other, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(before)) {
                    Files.deleteIfExists(other);
                }
            }
        }
    }

    private static Map<String, Entry> read(Path file) {
        Map<String, Entry> entries = new ConcurrentHashMap<>();
        try {
            PrivateFiles.check(file.getParent(), "sync content hashes", false, LinkOption.NOFOLLOW_LINKS);
            PrivateFiles.check(file, "a module's sync content hashes", true, LinkOption.NOFOLLOW_LINKS);
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > MAX_BYTES) {
                return Map.of();
            }
            String[] lines = Files.readString(file, StandardCharsets.UTF_8).split("\n");
            if (lines.length == 0 || !lines[0].equals(HEADER)) {
                return Map.of();
            }
            for (int i = 1; i < lines.length; i++) {
                // hash, the stamp's five fields, the path (which may hold a tab: it comes last, split off whole)
                String[] fields = lines[i].split("\t", 7);
                if (fields.length == 7 && Sha256.isHex(fields[0])) {
                    FileStamp stamp = FileStamp.parse(String.join("\t", fields[1], fields[2], fields[3], fields[4],
                            fields[5]));
                    if (stamp != null) {
                        entries.put(fields[6], new Entry(stamp, fields[0]));
                    }
                }
            }
            return entries;
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (IOException | RuntimeException e) {
            return Map.of(); // not this user's private file, or unreadable: every file is hashed
        }
    }

    /** The module's file in the cache: named by a hash of its directory. */
    static String fileName(Path moduleBasedir) {
        String module = moduleBasedir.toAbsolutePath().normalize().toString();
        return Sha256.hex(module.getBytes(StandardCharsets.UTF_8)).substring(0, 32) + ".tsv";
    }
}
