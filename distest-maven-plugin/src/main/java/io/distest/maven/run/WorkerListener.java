package io.distest.maven.run;

import io.distest.protocol.Hello;
import io.distest.protocol.Message;
import io.distest.protocol.MessageChannel;
import io.distest.shared.Admission;
import io.distest.shared.Quietly;
import io.distest.shared.Threads;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * The loopback port workers connect back to. Every local account can see it ({@code /proc/net/tcp}, and a popen
 * worker's command line), so it admits as a worker server does (see {@link Admission}): a connection's first frame
 * is small, must be a {@link Hello} with the run's token and our protocol version, and must arrive within a time
 * limit; only then is the connection handed to the run loop. A wrong peer is dropped; the port stays open for the
 * right ones.
 */
final class WorkerListener implements AutoCloseable {
    private static final int HANDSHAKE_MILLIS = 30_000;
    /** Connections waiting for their Hello; beyond it, the one that waited longest is dropped. */
    private static final int MAX_PENDING = 64;

    private final ServerSocketChannel server;
    private final Admission<Hello> admission;
    private final String token;
    private final BlockingQueue<RunEvent> events;
    private final Consumer<String> warn;

    WorkerListener(String token, BlockingQueue<RunEvent> events, Consumer<String> warn) throws IOException {
        this.token = token;
        this.events = events;
        this.warn = warn;
        this.server = ServerSocketChannel.open();
        try {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), MAX_PENDING);
            this.admission = new Admission<>(server, Hello.class, MAX_PENDING, HANDSHAKE_MILLIS,
                    line -> warn.accept("distest: worker port: " + line), null, this::admit);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        Threads.start(admission::run, "distest-accept");
    }

    /** {@code host:port} for a worker's {@code connect} argument. */
    String address() {
        return server.socket().getInetAddress().getHostAddress() + ":" + server.socket().getLocalPort();
    }

    /** Connections waiting for their first frame. */
    int pending() {
        return admission.pending();
    }

    /** Called on the admission thread with a connection whose first frame was a Hello. */
    private void admit(SocketChannel channel, Hello hello, Message none, String peer) throws IOException {
        Socket socket = channel.socket();
        socket.setTcpNoDelay(true);
        MessageChannel messages = new MessageChannel(socket.getInputStream(), socket.getOutputStream(), socket);
        try {
            Handshake.check(messages, hello, token);
        } catch (IOException e) {
            warn.accept("distest: refused a connection from " + peer + ": " + e.getMessage());
            Quietly.close(socket);
            return;
        }
        events.add(new RunEvent.Connected(hello.workerId(), messages, hello.facts()));
    }

    @Override
    public void close() throws IOException {
        admission.close();
    }
}
