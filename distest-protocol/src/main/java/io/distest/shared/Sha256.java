package io.distest.shared;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 as distest names content: 64 lower-case hex digits, the way {@code sha256sum} prints it. */
public final class Sha256 {
    private Sha256() {}

    /** A fresh digest, for content that arrives in pieces. */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    /** The hex form of a finished digest. */
    public static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The hash of everything {@code in} still holds; the stream is read to its end, not closed. */
    public static String hexOf(InputStream in) throws IOException {
        MessageDigest digest = digest();
        byte[] buffer = new byte[64 * 1024];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            digest.update(buffer, 0, n);
        }
        return hex(digest);
    }

    public static String hexOf(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return hexOf(in);
        }
    }

    /** Whether {@code text} has the form of a hash this class writes (it says nothing of what it hashes). */
    public static boolean isHex(String text) {
        return text != null && text.matches("[0-9a-f]{64}");
    }
}
