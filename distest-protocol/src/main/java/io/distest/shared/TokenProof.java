package io.distest.shared;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Proofs that a peer knows a worker server's token, without the token travelling: HMAC-SHA256 keyed with the
 * token over both sides' fresh nonces, with a different label for each direction (so a server's proof is never
 * a valid client proof, and the reverse).
 */
public final class TokenProof {
    /** Nonce length in bytes. */
    public static final int NONCE_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenProof() {}

    public static byte[] nonce() {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        return nonce;
    }

    /** The client's proof, over the server's challenge first. */
    public static byte[] ofClient(String token, byte[] serverNonce, byte[] clientNonce) {
        return hmac(token, "distest client", serverNonce, clientNonce);
    }

    /** The server's proof, over the client's nonce first. */
    public static byte[] ofServer(String token, byte[] clientNonce, byte[] serverNonce) {
        return hmac(token, "distest server", clientNonce, serverNonce);
    }

    /** Compares in constant time; a missing proof never matches. */
    public static boolean matches(byte[] expected, byte[] actual) {
        return actual != null && MessageDigest.isEqual(expected, actual);
    }

    /** Whether a nonce a peer sent is one: a fresh one has exactly {@link #NONCE_BYTES}. */
    public static boolean wellFormed(byte[] nonce) {
        return nonce != null && nonce.length == NONCE_BYTES;
    }

    private static byte[] hmac(String token, String label, byte[] first, byte[] second) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(label.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(first);
            mac.update(second);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java 17", e);
        }
    }
}
