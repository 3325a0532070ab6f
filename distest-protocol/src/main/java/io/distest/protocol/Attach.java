package io.distest.protocol;

import java.util.Arrays;
import java.util.Objects;

/**
 * The client's answer to a server's {@link Challenge}: proves it knows the server's token without sending it, and
 * names the session. The server's {@link Attached} then proves the token in turn; only after that does the client
 * send anything else (a manifest, a file, an environment), so a process that merely holds the server's port learns
 * nothing.
 *
 * @param proof     {@code TokenProof.ofClient(token, challenge nonce, nonce)}
 * @param nonce     the client's fresh nonce, which the server's proof covers
 * @param sessionId the build's session; a {@link #CONTROL} connection creates it, a {@link #WORKER} one joins it
 * @param purpose   {@link #CONTROL} (sync, then exit notices), {@link #WORKER} (spawn one worker, then relay it) or
 *                  {@link #HOLD} (keep a lingering server from ending while a build means to use it)
 */
public record Attach(int protocolVersion, byte[] proof, byte[] nonce, String sessionId, String purpose)
        implements Message {
    public static final String CONTROL = "control";
    public static final String WORKER = "worker";
    public static final String HOLD = "hold";

    @Override
    public boolean equals(Object other) {
        return other instanceof Attach that && protocolVersion == that.protocolVersion
                && Arrays.equals(proof, that.proof) && Arrays.equals(nonce, that.nonce)
                && Objects.equals(sessionId, that.sessionId) && Objects.equals(purpose, that.purpose);
    }

    @Override
    public int hashCode() {
        return Objects.hash(protocolVersion, Arrays.hashCode(proof), Arrays.hashCode(nonce), sessionId, purpose);
    }

    @Override
    public String toString() { // the proof is nobody's business
        return "Attach[protocolVersion=" + protocolVersion + ", sessionId=" + sessionId + ", purpose=" + purpose + "]";
    }
}
