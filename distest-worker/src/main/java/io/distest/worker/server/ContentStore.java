package io.distest.worker.server;

import io.distest.shared.FileStamp;
import io.distest.shared.PrivateFiles;
import io.distest.shared.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The far side's content-addressed cache: {@code cas/ab/abcdef…} holds a file whose SHA-256 is {@code abcdef…}.
 * Content enters only after its hash is verified, so a second run of an unchanged project sends nothing.
 *
 * <p>What every later build trusts is kept honest three ways: entries are read-only and a build only ever gets
 * its own copy (never a link it could write through); an entry is handed out only once it has been hashed and it
 * still has the size, inode, modification and change times it had then; an entry that fails that is discarded
 * (and logged) so that it is fetched again.
 *
 * <p>Those stamps outlive the server in a private index file next to the store ({@code 0600}, this user's, never
 * followed through a link), so that the next build's server (each ssh build starts one) does not hash an unchanged
 * cache again. An indexed entry is trusted only while its file still has exactly the recorded stamp; the change
 * time cannot be set back by a user, so content rewritten since, even re-dated, is hashed again, as is everything
 * when the index is missing, unreadable or not this user's own.
 */
final class ContentStore {
    private final Path root;
    private final Path incoming;
    private final PrintStream log;
    private final Map<String, FileStamp> verified = new ConcurrentHashMap<>();
    /** Stamps read from the index: trusted once a file is seen with exactly that stamp, then moved to verified. */
    private final Map<String, FileStamp> indexed = new ConcurrentHashMap<>();
    private final Path index;
    private volatile boolean indexStale;
    private final java.util.concurrent.atomic.AtomicInteger hashed = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * @param index the stamp index file (read now, written by {@link #saveIndex}); {@code null}: none, every entry is
     *     hashed once per server
     */
    ContentStore(Path cas, Path incoming, Path index, PrintStream log) {
        this.root = cas;
        this.incoming = incoming;
        this.index = index;
        this.log = log;
        if (index != null) {
            StampIndex.read(index, log).forEach((sha256, line) -> {
                FileStamp stamp = FileStamp.parse(line);
                if (stamp != null && Sha256.isHex(sha256)) {
                    indexed.put(sha256, stamp);
                }
            });
        }
    }

    /** Whether verified content for {@code sha256} is here; a planted or changed entry is discarded. */
    boolean has(String sha256) throws IOException {
        if (!Sha256.isHex(sha256)) {
            return false;
        }
        Path stored = pathOf(sha256);
        FileStamp before = FileStamp.of(stored);
        if (before == null) {
            return false;
        }
        if (!before.regular()) {
            discard(sha256, "it is not a regular file");
            return false;
        }
        if (before.equals(verified.get(sha256))) {
            return true;
        }
        if (before.equals(indexed.get(sha256))) { // hashed by an earlier server, and not touched since
            verified.put(sha256, before);
            return true;
        }
        String actual = hash(stored);
        if (!actual.equals(sha256)) {
            discard(sha256, "its content hashes to " + actual);
            return false;
        }
        verified.put(sha256, before); // changed while hashed? then the stamp differs next time and it is hashed again
        indexStale = true;
        return true;
    }

    Path pathOf(String sha256) {
        if (!Sha256.isHex(sha256)) {
            throw new IllegalArgumentException("\"" + sha256 + "\" is not a lower-case hex SHA-256");
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    /** Receives one file's content; {@link Incoming#commit} checks size and hash before it enters the store. */
    Incoming receive(String sha256, long size) throws IOException {
        pathOf(sha256); // validates the hash's form
        return new Incoming(sha256, size);
    }

    /**
     * Puts a private, writable copy of verified content at {@code target} (whose directory exists; a file or link
     * already there is replaced, never written through).
     *
     * @throws IOException if the entry changed since it was verified: it is then discarded
     */
    void materialize(String sha256, Path target, boolean executable) throws IOException {
        Path stored = pathOf(sha256);
        FileStamp before = FileStamp.of(stored);
        if (before == null || !before.equals(verified.get(sha256))) {
            if (!has(sha256)) { // hashes it again, and discards it if it is not what it claims
                throw new IOException("cache entry " + sha256 + " changed after it was verified and was discarded;"
                        + " run the build again to fetch it anew");
            }
            before = verified.get(sha256);
        }
        Files.deleteIfExists(target); // a link is removed, not followed
        try (InputStream in = Files.newInputStream(stored, LinkOption.NOFOLLOW_LINKS);
                OutputStream out = Channels.newOutputStream(Files.newByteChannel(target, Set.of(StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS),
                        PrivateFiles.mode(executable ? PrivateFiles.EXECUTABLE : PrivateFiles.FILE)))) {
            in.transferTo(out);
        }
        if (!Objects.equals(before, FileStamp.of(stored)) && !hash(target).equals(sha256)) { // changed while copied
            Files.deleteIfExists(target);
            discard(sha256, "it changed while it was copied");
            throw new IOException("cache entry " + sha256 + " changed while it was copied and was discarded;"
                    + " run the build again to fetch it anew");
        }
        if (executable) {
            target.toFile().setExecutable(true, true);
        }
    }

    /**
     * Writes the stamps of the verified entries (and of earlier servers' entries still unchanged) to the index, if
     * anything was hashed or stored since it was read. Only a speed-up: a failure is logged and the entries are
     * hashed again next time.
     */
    synchronized void saveIndex() {
        if (index == null || !indexStale) {
            return;
        }
        indexStale = false;
        Map<String, String> lines = new java.util.TreeMap<>();
        try {
            Map<String, String> onDisk = StampIndex.read(index, log); // other servers on this root may have added some
            onDisk.forEach((sha256, line) -> keepIfUnchanged(lines, sha256, FileStamp.parse(line)));
            indexed.forEach((sha256, stamp) -> keepIfUnchanged(lines, sha256, stamp));
            verified.forEach((sha256, stamp) -> keepIfUnchanged(lines, sha256, stamp));
            StampIndex.write(index, incoming, lines);
        } catch (IOException | RuntimeException e) {
            log.println("distest server: could not write the cache index " + index + ": " + e.getMessage()
                    + " (the next build hashes the cache again)");
        }
    }

    /** Drops stamps of entries that are gone or changed: the index never grows past the store. */
    private void keepIfUnchanged(Map<String, String> lines, String sha256, FileStamp stamp) {
        if (stamp == null || !Sha256.isHex(sha256)) {
            return;
        }
        try {
            if (stamp.equals(FileStamp.of(pathOf(sha256)))) {
                lines.put(sha256, stamp.format());
            }
        } catch (IOException e) {
            // left out: hashed again when next needed
        }
    }

    private void discard(String sha256, String why) throws IOException {
        verified.remove(sha256);
        indexed.remove(sha256);
        Files.deleteIfExists(pathOf(sha256));
        log.println("distest server: discarded cache entry " + sha256 + ": " + why + "; it will be fetched again");
    }



    /** How many times this store has read an entry to hash it (for tests). */
    int entriesHashed() {
        return hashed.get();
    }

    private String hash(Path file) throws IOException {
        hashed.incrementAndGet();
        MessageDigest digest = Sha256.digest();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return Sha256.hex(digest);
    }

    final class Incoming implements AutoCloseable {
        private final String sha256;
        private final long size;
        private final Path temp;
        private final OutputStream out;
        private final MessageDigest digest = Sha256.digest();
        private long received;

        private Incoming(String sha256, long size) throws IOException {
            this.sha256 = sha256;
            this.size = size;
            this.temp = incoming.resolve("incoming-" + UUID.randomUUID());
            this.out = Channels.newOutputStream(Files.newByteChannel(temp, Set.of(StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS), PrivateFiles.mode(PrivateFiles.FILE)));
        }

        void write(byte[] bytes) throws IOException {
            received += bytes.length;
            if (received > size) {
                throw new IOException("more than the announced " + size + " bytes arrived for " + sha256);
            }
            digest.update(bytes);
            out.write(bytes);
        }

        /** @throws IOException if size or hash differ: the content is dropped, never stored */
        void commit() throws IOException {
            out.close();
            String actual = Sha256.hex(digest);
            if (received != size || !actual.equals(sha256)) {
                Files.deleteIfExists(temp);
                throw new IOException("content does not match its manifest entry: expected " + size + " bytes with SHA-256 "
                        + sha256 + ", got " + received + " bytes with SHA-256 " + actual);
            }
            try {
                Files.setPosixFilePermissions(temp, PrivateFiles.READ_ONLY);
            } catch (UnsupportedOperationException e) {
                temp.toFile().setReadOnly();
            }
            Path target = pathOf(sha256);
            PrivateFiles.directory(target.getParent(), "the content store directory");
            if (has(sha256)) { // another session or server stored it meanwhile: keep theirs, already in use
                Files.deleteIfExists(temp);
                return;
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            verified.put(sha256, FileStamp.of(target)); // its bytes were hashed as they arrived
            indexStale = true;
        }

        @Override
        public void close() throws IOException {
            out.close();
            Files.deleteIfExists(temp);
        }
    }
}
