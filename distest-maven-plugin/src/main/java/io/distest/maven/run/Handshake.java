package io.distest.maven.run;

import io.distest.protocol.Hello;
import io.distest.protocol.Message;
import io.distest.protocol.MessageChannel;
import io.distest.protocol.Protocol;
import io.distest.protocol.ProtocolException;
import io.distest.protocol.Refused;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** A worker's first message must be a {@link Hello} with the run's token and our protocol version. */
final class Handshake {
    private Handshake() {}

    /** Returns the worker's hello, or refuses it (telling the worker why) and throws. */
    static Hello expectHello(MessageChannel channel, String token) throws IOException {
        Message first = channel.receive();
        if (first instanceof Refused refused) {
            throw new ProtocolException("refused by the far side: " + refused.reason());
        } else if (!(first instanceof Hello hello)) {
            throw refuse(channel, "expected Hello first, got " + first.getClass().getSimpleName());
        } else {
            check(channel, hello, token);
            return hello;
        }
    }

    /** Accepts a worker's hello that has the run's token and our protocol version, or refuses it and throws. */
    static void check(MessageChannel channel, Hello hello, String token) throws IOException {
        if (!MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                String.valueOf(hello.token()).getBytes(StandardCharsets.UTF_8))) {
            throw refuse(channel, "wrong session token");
        } else if (hello.protocolVersion() != Protocol.VERSION) {
            throw refuse(channel, "worker " + hello.workerId() + " speaks protocol version " + hello.protocolVersion()
                    + ", this plugin speaks " + Protocol.VERSION + ": use the worker jar of the same distest version");
        }
    }

    private static ProtocolException refuse(MessageChannel channel, String refusal) {
        try {
            channel.send(new Refused(refusal));
        } catch (IOException ignored) {
            // refused either way
        }
        return new ProtocolException(refusal);
    }
}
