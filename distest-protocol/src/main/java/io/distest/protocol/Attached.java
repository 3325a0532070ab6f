package io.distest.protocol;

/**
 * The server accepted an {@link Attach}: what it runs on, and its proof that it knows the token
 * ({@code TokenProof.ofServer(token, the Attach's nonce, the Challenge's nonce)}), which the client checks before it
 * sends anything else.
 */
public record Attached(WorkerFacts facts, byte[] proof) implements Message {
    @Override
    public boolean equals(Object other) {
        return other instanceof Attached that && java.util.Objects.equals(facts, that.facts)
                && java.util.Arrays.equals(proof, that.proof);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Objects.hashCode(facts) + java.util.Arrays.hashCode(proof);
    }

    @Override
    public String toString() {
        return "Attached[facts=" + facts + "]";
    }
}
