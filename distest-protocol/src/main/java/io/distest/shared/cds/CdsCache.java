package io.distest.shared.cds;

import io.distest.shared.AtomicFiles;
import io.distest.shared.PrivateFiles;
import io.distest.shared.Sha256;
import io.distest.shared.UserCache;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * This user's private directory of class data sharing archives ({@code ~/.cache/distest/cds}, or under
 * {@code $XDG_CACHE_HOME}): {@code 0700}, owned by this user, never a link, since a JVM maps an archive's classes as
 * if it had loaded them from their jars. It also keeps the worker jar at a path and modification time that stay
 * put from run to run, as an archive requires of every jar it was made from. The most recently used archives are
 * kept, the others removed.
 *
 * <p>A worker server keeps copies of the synced jars it archives in {@code jars/}, named by their content (a
 * session's own copies change path every build); a copy goes once no kept archive uses it.
 */
public final class CdsCache {
    /** An archive of a Spring application's jars is some 50 MB. */
    static final int KEPT_ARCHIVES = 8;
    /** A part or lock no trainer finished in this time was left by a trainer that never ended well. */
    private static final Duration STALE_PART = Duration.ofMinutes(10);
    private static final String JARS = "jars";
    /** Beside an archive's key: the jar copies its archive is made from, one name a line. */
    private static final String USES = ".uses";

    private final Path directory;

    private CdsCache(Path directory) {
        this.directory = directory;
    }

    /** The cache of this user, or empty (no class data sharing) if it cannot be made private. */
    static Optional<CdsCache> ofThisUser() {
        return at(UserCache.directory("cds"));
    }

    /** The cache at {@code directory} if no one else can replace it (see {@link UserCache#at}). */
    static Optional<CdsCache> at(Path directory) {
        return UserCache.at(directory, "class data sharing cache").map(CdsCache::new);
    }

    Path directory() {
        return directory;
    }

    /** A copy of {@code workerJar} named by its content: written once, so its time stamp never changes. */
    public Path stableCopy(Path workerJar) throws IOException {
        Path copy = directory.resolve("distest-worker-" + Sha256.hexOf(workerJar).substring(0, 16) + ".jar");
        return writtenOnce(copy, part -> Files.copy(workerJar, part, StandardCopyOption.REPLACE_EXISTING));
    }

    /** Writes a private copy of content to a new file, which the caller's store checks. */
    public interface Copier {
        void copyTo(Path target) throws IOException;
    }

    /** The copy of the jar whose content hashes to {@code sha256}, made once: its path and time stamp stay put. */
    public Path jarCopy(String sha256, Copier copier) throws IOException {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("\"" + sha256 + "\" is not a lower-case hex SHA-256");
        }
        Path jars = PrivateFiles.directory(directory.resolve(JARS), "class data sharing jar copies");
        return writtenOnce(jars.resolve(sha256 + ".jar"), copier);
    }

    /**
     * {@code file}, written by {@code copier} unless it is there. Never replaced once there, not even by a worker
     * starting beside this one: its time stamp is part of every archive made from it.
     */
    private static Path writtenOnce(Path file, Copier copier) throws IOException {
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return file;
        }
        Path part = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + "-"
                + System.nanoTime() + ".part");
        try {
            copier.copyTo(part);
            try {
                Files.createLink(file, part); // fails where another copy came first: that one stays
            } catch (UnsupportedOperationException | FileSystemException noLinksHere) {
                if (noLinksHere instanceof FileAlreadyExistsException) {
                    return file; // the same content
                }
                Files.move(part, file); // without links: replaces nothing, but another may come between
            }
        } catch (FileAlreadyExistsException anotherCameFirst) {
            // the same content
        } finally {
            Files.deleteIfExists(part);
        }
        return file;
    }

    /** Notes that {@code key}'s archive is made from {@code archived}: the copies among them are kept with it. */
    void using(String key, List<Path> archived) throws IOException {
        Path jars = directory.resolve(JARS);
        List<String> copies = archived.stream().filter(jar -> jars.equals(jar.getParent()))
                .map(jar -> jar.getFileName().toString()).toList();
        if (copies.isEmpty()) {
            return;
        }
        Path uses = directory.resolve(key + USES);
        if (Files.isRegularFile(uses, LinkOption.NOFOLLOW_LINKS)) {
            Files.setLastModifiedTime(uses, FileTime.from(Instant.now()));
        } else {
            AtomicFiles.writeString(uses, String.join("\n", copies) + "\n");
        }
    }

    Path archive(String key) {
        return directory.resolve(key + ".jsa");
    }

    /** The classes a worker loaded, recorded for {@code key}'s archive ({@code -XX:DumpLoadedClassList}). */
    Path classList(String key) {
        return directory.resolve(key + ".classes");
    }

    /** The archive for {@code key} if a trainer finished it; its time stamp marks it as just used. */
    Optional<Path> usableArchive(String key) {
        Path archive = archive(key);
        try {
            if (!Files.isRegularFile(archive, LinkOption.NOFOLLOW_LINKS) || Files.size(archive) == 0) {
                return Optional.empty();
            }
            PrivateFiles.check(archive, "class data sharing archive", false, LinkOption.NOFOLLOW_LINKS);
            Files.setLastModifiedTime(archive, FileTime.from(Instant.now()));
            return Optional.of(archive);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Where a trainer writes, until its JVM has exited and the archive is complete. */
    Path part(String key) {
        return directory.resolve(key + "." + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".part");
    }

    Path lockFile(String key) {
        return directory.resolve(key + ".training");
    }

    /** Takes the right to train {@code key}'s archive: false while another build's trainer holds it. */
    boolean lock(String key) throws IOException {
        Path lock = lockFile(key);
        if (Files.exists(lock, LinkOption.NOFOLLOW_LINKS)
                && modified(lock).toInstant().isBefore(Instant.now().minus(STALE_PART))) {
            deleteQuietly(lock); // its trainer never finished
        }
        try {
            Files.createFile(lock, PrivateFiles.mode(PrivateFiles.FILE));
            return true;
        } catch (java.nio.file.FileAlreadyExistsException e) {
            return false;
        }
    }

    /**
     * Removes the archives and worker jars least recently used, jar copies no kept archive uses, and parts and locks
     * no trainer finished.
     */
    void tidy() {
        removeAllButNewest(directory, ".jsa", KEPT_ARCHIVES);
        removeAllButNewest(directory, ".jar", KEPT_ARCHIVES);
        removeAllButNewest(directory, ".classes", 2 * KEPT_ARCHIVES);
        removeAllButNewest(directory, USES, 2 * KEPT_ARCHIVES);
        Instant stale = Instant.now().minus(STALE_PART);
        List<Path> leftOvers = list(directory, ".part");
        leftOvers.addAll(list(directory, ".training"));
        leftOvers.addAll(list(directory.resolve(JARS), ".part"));
        leftOvers.addAll(unusedCopies());
        for (Path leftOver : leftOvers) {
            if (modified(leftOver).toInstant().isBefore(stale)) { // a copy just made may not be noted yet
                deleteQuietly(leftOver);
            }
        }
    }

    private List<Path> unusedCopies() {
        java.util.Set<String> used = new java.util.HashSet<>();
        for (Path uses : list(directory, USES)) {
            try {
                used.addAll(Files.readAllLines(uses));
            } catch (IOException e) {
                return List.of(); // cannot tell: keep them all
            }
        }
        List<Path> unused = list(directory.resolve(JARS), ".jar");
        unused.removeIf(copy -> used.contains(copy.getFileName().toString()));
        return unused;
    }

    private static void removeAllButNewest(Path directory, String suffix, int kept) {
        List<Path> files = list(directory, suffix);
        files.sort(Comparator.comparing(CdsCache::modified).reversed());
        files.stream().skip(kept).forEach(CdsCache::deleteQuietly);
    }

    private static List<Path> list(Path directory, String suffix) {
        try (Stream<Path> files = Files.list(directory)) {
            return new java.util.ArrayList<>(files.filter(f -> f.getFileName().toString().endsWith(suffix)).toList());
        } catch (IOException e) {
            return new java.util.ArrayList<>();
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // another build may be using it; the next tidy tries again
        }
    }
}
