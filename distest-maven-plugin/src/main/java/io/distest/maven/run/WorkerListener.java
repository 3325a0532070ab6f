package io.distest.maven.run;

import io.distest.protocol.Hello;
import io.distest.protocol.MessageChannel;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * The loopback port workers connect back to. A connection must present the session token and our protocol
 * version in its first message, within a time limit, before it is handed to the run loop.
 */
final class WorkerListener implements AutoCloseable {
    private static final int HANDSHAKE_MILLIS = 30_000;

    private final ServerSocket server;
    private final String token;
    private final BlockingQueue<RunEvent> events;
    private final Consumer<String> warn;

    WorkerListener(String token, BlockingQueue<RunEvent> events, Consumer<String> warn) throws IOException {
        this.server = new ServerSocket();
        this.server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        this.token = token;
        this.events = events;
        this.warn = warn;
        Thread acceptor = new Thread(this::acceptLoop, "distest-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** {@code host:port} for a worker's {@code connect} argument. */
    String address() {
        return server.getInetAddress().getHostAddress() + ":" + server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread handshake = new Thread(() -> handshake(socket), "distest-handshake");
                handshake.setDaemon(true);
                handshake.start();
            } catch (IOException e) {
                if (!server.isClosed()) {
                    warn.accept("distest: accepting a worker connection failed: " + e.getMessage());
                }
            }
        }
    }

    private void handshake(Socket socket) {
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(HANDSHAKE_MILLIS);
            MessageChannel channel = new MessageChannel(socket.getInputStream(), socket.getOutputStream(), socket);
            Hello hello = Handshake.expectHello(channel, token);
            socket.setSoTimeout(0);
            events.add(new RunEvent.Connected(hello.workerId(), channel, hello.facts()));
        } catch (IOException e) {
            warn.accept("distest: refused a connection from " + socket.getRemoteSocketAddress() + ": " + e.getMessage());
            closeQuietly(socket);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing more to do
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
