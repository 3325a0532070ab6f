package io.distest.worker.server;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.distest.protocol.Attach;
import io.distest.protocol.Challenge;
import io.distest.protocol.Message;
import io.distest.protocol.MessageChannel;
import io.distest.protocol.Protocol;
import io.distest.shared.TokenProof;
import java.io.IOException;

/** A client's side of the server's handshake, for tests: reads the challenge, proves {@code token}, answers. */
final class ClientHandshake {
    private ClientHandshake() {}

    /** Returns the server's answer (an {@code Attached}, or a {@code Refused}). */
    static Message attach(MessageChannel channel, String token, String session, String purpose) throws IOException {
        return channel.receive() instanceof Challenge challenge ? answer(channel, challenge, token, session, purpose)
                : assertInstanceOf(Challenge.class, null, "the server speaks first");
    }

    static Message answer(MessageChannel channel, Challenge challenge, String token, String session, String purpose)
            throws IOException {
        channel.send(attachFor(challenge, token, session, purpose));
        return channel.receive();
    }

    static Attach attachFor(Challenge challenge, String token, String session, String purpose) {
        byte[] nonce = TokenProof.nonce();
        return new Attach(Protocol.VERSION, TokenProof.ofClient(token, challenge.nonce(), nonce), nonce, session,
                purpose);
    }
}
