package io.distest.worker;

import io.distest.shared.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
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
 * its own copy (never a link it could write through); an entry is handed out only once this server has hashed
 * it and it still has the size, inode, modification and change times it had then; an entry that fails that is
 * discarded (and logged) so that it is fetched again.
 */
final class ContentStore {
    private final Path root;
    private final Path incoming;
    private final PrintStream log;
    private final Map<String, Stamp> verified = new ConcurrentHashMap<>();

    ContentStore(Path cas, Path incoming, PrintStream log) {
        this.root = cas;
        this.incoming = incoming;
        this.log = log;
    }

    /** Whether verified content for {@code sha256} is here; a planted or changed entry is discarded. */
    boolean has(String sha256) throws IOException {
        if (!Sha256.isHex(sha256)) {
            return false;
        }
        Path stored = pathOf(sha256);
        Stamp before = Stamp.of(stored);
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
        String actual = hash(stored);
        if (!actual.equals(sha256)) {
            discard(sha256, "its content hashes to " + actual);
            return false;
        }
        verified.put(sha256, before); // changed while hashed? then the stamp differs next time and it is hashed again
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
        Stamp before = Stamp.of(stored);
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
        if (!Objects.equals(before, Stamp.of(stored)) && !hash(target).equals(sha256)) { // changed while copied
            Files.deleteIfExists(target);
            discard(sha256, "it changed while it was copied");
            throw new IOException("cache entry " + sha256 + " changed while it was copied and was discarded;"
                    + " run the build again to fetch it anew");
        }
        if (executable) {
            target.toFile().setExecutable(true, true);
        }
    }

    private void discard(String sha256, String why) throws IOException {
        verified.remove(sha256);
        Files.deleteIfExists(pathOf(sha256));
        log.println("distest server: discarded cache entry " + sha256 + ": " + why + "; it will be fetched again");
    }



    private static String hash(Path file) throws IOException {
        MessageDigest digest = Sha256.digest();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return Sha256.hex(digest);
    }

    /**
     * What identifies one state of a file without reading it. The change time cannot be set back by a user, so
     * content rewritten and re-dated still shows.
     */
    private record Stamp(boolean regular, Object fileKey, long size, long modified, Object changed) {
        static Stamp of(Path path) throws IOException {
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                return null;
            }
            Object changed;
            try {
                changed = Files.getAttribute(path, "unix:ctime", LinkOption.NOFOLLOW_LINKS);
            } catch (UnsupportedOperationException | IllegalArgumentException e) {
                changed = null;
            }
            return new Stamp(attributes.isRegularFile(), attributes.fileKey(), attributes.size(),
                    attributes.lastModifiedTime().toMillis(), Objects.toString(changed, null));
        }
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
            verified.put(sha256, Stamp.of(target)); // its bytes were hashed as they arrived
        }

        @Override
        public void close() throws IOException {
            out.close();
            Files.deleteIfExists(temp);
        }
    }
}
