package io.distest.protocol;

/**
 * What a worker server sends first on every connection, before it reads anything: a fresh nonce. The client's
 * {@link Attach} proves the token over it, so a proof seen once is worth nothing on another connection.
 */
public record Challenge(byte[] nonce) implements Message {
    @Override
    public boolean equals(Object other) {
        return other instanceof Challenge that && java.util.Arrays.equals(nonce, that.nonce);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(nonce);
    }

    @Override
    public String toString() {
        return "Challenge";
    }
}
