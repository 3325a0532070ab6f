package io.distest.maven.gateway.ssh;

import java.io.IOException;
import java.util.Objects;

/**
 * An ssh connection or operation failed. The message is written for the person running the build: it names
 * the host, what went wrong and what to do about it, and never contains a secret (no passphrase, no key material
 * beyond public fingerprints).
 */
public class SshException extends IOException {

    /** What kind of failure this is, for callers that react differently (an IT that expects a refused host key). */
    public enum Reason {
        /** The host offered a key that {@code known_hosts} does not know, and new keys are not accepted. */
        UNKNOWN_HOST_KEY,
        /** The host offered a key that differs from the one {@code known_hosts} holds for it. Never accepted. */
        CHANGED_HOST_KEY,
        /** No identity was accepted by the server. */
        AUTHENTICATION_FAILED,
        /** The ssh config or the known hosts file cannot be read or is malformed. */
        BAD_CONFIGURATION,
        /** No TCP connection or no ssh handshake: refused, unknown host name, timeout. */
        CANNOT_CONNECT,
        /** Anything else: a command, a file transfer or a tunnel that failed on an established connection. */
        OPERATION_FAILED
    }

    private final Reason reason;

    public SshException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public SshException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
