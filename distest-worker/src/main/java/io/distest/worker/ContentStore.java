package io.distest.worker;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The far side's content-addressed cache: {@code cas/ab/abcdef…} holds a file whose SHA-256 is {@code abcdef…}.
 * Content enters only after its hash is verified, so a second run of an unchanged project sends nothing.
 */
final class ContentStore {
    private final Path root;

    ContentStore(Path root) throws IOException {
        this.root = root.resolve("cas");
        Files.createDirectories(this.root);
    }

    boolean has(String sha256) {
        return isHash(sha256) && Files.isRegularFile(pathOf(sha256));
    }

    Path pathOf(String sha256) {
        if (!isHash(sha256)) {
            throw new IllegalArgumentException("\"" + sha256 + "\" is not a lower-case hex SHA-256");
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    /** Receives one file's content; {@link Incoming#commit} checks size and hash before it enters the store. */
    Incoming receive(String sha256, long size) throws IOException {
        pathOf(sha256); // validates the hash's form
        return new Incoming(sha256, size);
    }

    /** Puts {@code target} in place as a copy of stored content: a hard link where possible. */
    void materialize(String sha256, Path target, boolean executable) throws IOException {
        Files.createDirectories(target.getParent());
        Files.deleteIfExists(target);
        Path stored = pathOf(sha256);
        if (executable) {
            Files.copy(stored, target); // a link would share (and change) the cached file's mode
            target.toFile().setExecutable(true);
        } else {
            try {
                Files.createLink(target, stored);
            } catch (IOException | UnsupportedOperationException e) {
                Files.copy(stored, target);
            }
        }
    }

    private static boolean isHash(String text) {
        return text != null && text.matches("[0-9a-f]{64}");
    }

    final class Incoming implements AutoCloseable {
        private final String sha256;
        private final long size;
        private final Path temp;
        private final OutputStream out;
        private final MessageDigest digest;
        private long received;

        private Incoming(String sha256, long size) throws IOException {
            this.sha256 = sha256;
            this.size = size;
            this.temp = root.resolve("incoming-" + UUID.randomUUID());
            this.out = Files.newOutputStream(temp);
            try {
                this.digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every JVM", e);
            }
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
            String actual = HexFormat.of().formatHex(digest.digest());
            if (received != size || !actual.equals(sha256)) {
                Files.deleteIfExists(temp);
                throw new IOException("content does not match its manifest entry: expected " + size + " bytes with SHA-256 "
                        + sha256 + ", got " + received + " bytes with SHA-256 " + actual);
            }
            Path target = pathOf(sha256);
            Files.createDirectories(target.getParent());
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }

        @Override
        public void close() throws IOException {
            out.close();
            Files.deleteIfExists(temp);
        }
    }
}
