package io.distest.shared;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random values nobody can guess: tokens that guard a port, ids that keep concurrent sessions apart. */
public final class Secrets {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {}

    /** {@code bytes} random bytes as unpadded URL-safe base64: safe in a file, an environment variable, a URL. */
    public static String token(int bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(bytes));
    }

    /** {@code bytes} random bytes as lower-case hex: safe in a file name on every system. */
    public static String hexId(int bytes) {
        return HexFormat.of().formatHex(randomBytes(bytes));
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
