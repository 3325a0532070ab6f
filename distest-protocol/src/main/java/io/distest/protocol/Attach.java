package io.distest.protocol;

/**
 * First message on every connection to a worker server: proves the server's token and names the session.
 *
 * @param sessionId the build's session; a {@link #CONTROL} connection creates it, a {@link #WORKER} one joins it
 * @param purpose {@link #CONTROL} (sync, then exit notices) or {@link #WORKER} (spawn one worker, then relay it)
 */
public record Attach(int protocolVersion, String token, String sessionId, String purpose) implements Message {
    public static final String CONTROL = "control";
    public static final String WORKER = "worker";

    @Override
    public String toString() { // never print the token
        return "Attach[protocolVersion=" + protocolVersion + ", sessionId=" + sessionId + ", purpose=" + purpose + "]";
    }
}
