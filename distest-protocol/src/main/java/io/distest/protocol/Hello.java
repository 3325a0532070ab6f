package io.distest.protocol;

import java.util.Objects;

/** First message of a worker: proves the session token and says what it runs on. */
public record Hello(int protocolVersion, String token, String workerId, WorkerFacts facts) implements Message {
    public Hello {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(workerId, "workerId");
        Objects.requireNonNull(facts, "facts");
    }

    @Override
    public String toString() { // never print the token
        return "Hello[protocolVersion=" + protocolVersion + ", workerId=" + workerId + ", facts=" + facts + "]";
    }
}
