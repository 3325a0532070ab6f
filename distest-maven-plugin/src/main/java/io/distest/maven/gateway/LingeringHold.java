package io.distest.maven.gateway;

import io.distest.protocol.Attach;
import io.distest.protocol.MessageChannel;
import io.distest.shared.Secrets;
import io.distest.shared.Threads;
import java.io.IOException;

/**
 * Keeps a server an earlier build left lingering for this build, from the moment the build decides to use it: a
 * connection that proved the token both ways and stays open, so the server counts as busy and does not reach the
 * end of its linger time under the build (the early ssh start decides while the build still compiles). Made over
 * the server's port, it is also the proof that what answers there is that server: a port it has given up and
 * another account has taken fails the handshake, and the build starts a server of its own instead.
 */
public final class LingeringHold implements AutoCloseable {
    private final MessageChannel channel;
    private volatile boolean open = true;

    private LingeringHold(MessageChannel channel) {
        this.channel = channel;
    }

    /** @throws IOException if nothing answers there as the server with {@code token} */
    public static LingeringHold take(ServerClient.Connector connector, String token, String where) throws IOException {
        return take(connector, token, where, ServerHandshake.ANSWER_SECONDS);
    }

    /**
     * @param answerSeconds how long what answers there may stay silent before it is taken for not the server
     * @throws IOException if nothing answers there as the server with {@code token}
     */
    public static LingeringHold take(ServerClient.Connector connector, String token, String where, int answerSeconds)
            throws IOException {
        MessageChannel channel = ServerHandshake.attach(connector.open(), token, Secrets.hexId(8), Attach.HOLD, where,
                answerSeconds).channel();
        LingeringHold hold = new LingeringHold(channel);
        Threads.start(hold::awaitEnd, "distest-lingering-hold");
        return hold;
    }

    private void awaitEnd() {
        try {
            while (true) {
                channel.receive(); // the server sends nothing on it: this returns when it ends
            }
        } catch (IOException e) {
            open = false;
        }
    }

    /** Whether the server still holds this connection: false once it has ended (or the ssh connection has). */
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        open = false;
        try {
            channel.close();
        } catch (IOException ignored) {
            // the server lingers again once it sees the connection end
        }
    }
}
