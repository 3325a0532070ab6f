package io.distest.maven.gateway;

import io.distest.protocol.Attach;
import io.distest.protocol.Attached;
import io.distest.protocol.Challenge;
import io.distest.protocol.Message;
import io.distest.protocol.MessageChannel;
import io.distest.protocol.Protocol;
import io.distest.protocol.ProtocolException;
import io.distest.protocol.Refused;
import io.distest.protocol.WorkerFacts;
import io.distest.shared.Quietly;
import io.distest.shared.TokenProof;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The client's side of a worker server's handshake. The server speaks first ({@link Challenge}); the client proves
 * the token over both nonces; the server's {@link Attached} proves it in turn, and is checked before the caller may
 * send anything. So whatever holds the port (a server that has ended and another account that took its port) gets
 * a nonce, a session id and a proof it can use nowhere, and never the token, a manifest, a file or an environment.
 */
final class ServerHandshake {
    /** How long the far side may take to answer each step; a port holder that says nothing is dropped after it. */
    static final int ANSWER_SECONDS = 30;

    /** An attached connection. */
    record Attachment(MessageChannel channel, WorkerFacts facts, long roundTripMillis) {}

    private ServerHandshake() {}

    /** Attaches over {@code duplex}; closes it on any failure. */
    static Attachment attach(Duplex duplex, String token, String sessionId, String purpose, String where)
            throws IOException {
        return attach(duplex, token, sessionId, purpose, where, ANSWER_SECONDS);
    }

    /** As {@link #attach(Duplex, String, String, String, String)}, dropping a far side silent for {@code seconds}. */
    static Attachment attach(Duplex duplex, String token, String sessionId, String purpose, String where,
            int seconds) throws IOException {
        MessageChannel channel = new MessageChannel(duplex.in(), duplex.out(), duplex.close());
        AtomicBoolean answered = new AtomicBoolean();
        CompletableFuture.delayedExecutor(seconds, TimeUnit.SECONDS).execute(() -> {
            if (!answered.get()) {
                Quietly.close(channel); // unblocks the read below
            }
        });
        try {
            Challenge challenge = expect(Challenge.class, receive(channel, where, seconds), where);
            byte[] nonce = TokenProof.nonce();
            long asked = System.nanoTime();
            channel.send(new Attach(Protocol.VERSION, TokenProof.ofClient(token, challenge.nonce(), nonce), nonce,
                    sessionId, purpose));
            Attached attached = expect(Attached.class, receive(channel, where, seconds), where);
            long roundTrip = (System.nanoTime() - asked) / 1_000_000;
            if (!TokenProof.matches(TokenProof.ofServer(token, nonce, challenge.nonce()), attached.proof())) {
                throw new ProtocolException(where + " did not prove that it knows the server's token, so nothing was"
                        + " sent to it: it is not the worker server it was expected to be (it may have ended, and"
                        + " another process taken its port)");
            }
            answered.set(true);
            return new Attachment(channel, attached.facts(), roundTrip);
        } catch (IOException | RuntimeException e) {
            answered.set(true);
            Quietly.close(channel);
            throw e;
        }
    }

    /**
     * Opens and attaches {@code count} worker connections of the session beside each other, in the background (a
     * tunnel and an Attach round trip each), so that a spawn only has to send its request.
     */
    static List<CompletableFuture<Attachment>> attachWorkers(ServerClient.Connector connector, String token,
            String sessionId, String where, int count) {
        List<CompletableFuture<Attachment>> workers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            workers.add(Background.supply("distest-attach-" + sessionId + "-" + i, () -> {
                try {
                    return attach(connector.open(), token, sessionId, Attach.WORKER, where);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
        }
        return workers;
    }

    private static Message receive(MessageChannel channel, String where, int seconds) throws IOException {
        try {
            return channel.receive();
        } catch (EOFException e) {
            throw new IOException(where + " closed the connection before answering; is it a distest worker server?", e);
        } catch (IOException e) {
            throw new IOException(where + " did not answer as a distest worker server within " + seconds
                    + " s (" + e.getMessage() + ")", e);
        }
    }

    private static <T extends Message> T expect(Class<T> type, Message answer, String where) throws IOException {
        if (answer instanceof Refused refused) {
            throw new IOException(where + " refused the connection: " + refused.reason()
                    + (refused.reason().contains("token") ? " (pass the server's token in $DISTEST_TOKEN or as"
                            + " distest.token in a settings.xml profile; `serve` says which server.token file holds it)"
                            : ""));
        }
        if (!type.isInstance(answer)) {
            throw new ProtocolException(where + " answered " + answer.getClass().getSimpleName() + " instead of "
                    + type.getSimpleName() + "; is it a distest worker server of the plugin's version?");
        }
        return type.cast(answer);
    }
}
