package io.distest.worker;

import io.distest.protocol.Attach;
import io.distest.protocol.Attached;
import io.distest.protocol.Message;
import io.distest.protocol.MessageChannel;
import io.distest.protocol.Protocol;
import io.distest.protocol.Refused;
import io.distest.protocol.WorkerFacts;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * {@code serve}: a long-lived worker server. Every connection must prove the token in its first message, within
 * a time limit, before anything else is read; builds each get a session directory; content stays cached.
 */
final class Server implements AutoCloseable {
    private final ServerOptions options;
    private final byte[] token;
    private final PrintStream log;
    private final ServerSocket socket;
    private final ContentStore store;
    private final Semaphore connections;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    Server(ServerOptions options, String token, PrintStream log) throws IOException {
        this.options = options;
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.log = log;
        this.store = new ContentStore(options.root());
        this.connections = new Semaphore(options.maxConnections());
        this.socket = new ServerSocket();
        this.socket.setReuseAddress(true);
        this.socket.bind(new InetSocketAddress(InetAddress.getByName(options.bind()), options.port()), 128);
    }

    int port() {
        return socket.getLocalPort();
    }

    String address() {
        return options.bind() + ":" + port();
    }

    /** Serves until closed. */
    void serve() {
        while (!socket.isClosed()) {
            Socket client;
            try {
                client = socket.accept();
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    log.println("distest server: accept failed: " + e.getMessage());
                }
                continue;
            }
            if (!connections.tryAcquire()) {
                log.println("distest server: refused " + client.getRemoteSocketAddress() + ": "
                        + options.maxConnections() + " connections are already open");
                closeQuietly(client);
                continue;
            }
            Thread thread = new Thread(() -> {
                try {
                    handle(client);
                } finally {
                    connections.release();
                }
            }, "distest-server-connection");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void handle(Socket client) {
        String peer = String.valueOf(client.getRemoteSocketAddress());
        try (client) {
            client.setTcpNoDelay(true);
            client.setSoTimeout(options.handshakeMillis());
            MessageChannel channel = new MessageChannel(client.getInputStream(), client.getOutputStream(), client);
            Message first = channel.receive();
            if (!(first instanceof Attach attach)) {
                refuse(channel, peer, "expected Attach first, got " + first.getClass().getSimpleName());
                return;
            }
            if (!MessageDigest.isEqual(token, String.valueOf(attach.token()).getBytes(StandardCharsets.UTF_8))) {
                refuse(channel, peer, "wrong token");
                return;
            }
            if (attach.protocolVersion() != Protocol.VERSION) {
                refuse(channel, peer, "this server speaks protocol version " + Protocol.VERSION + ", the client "
                        + attach.protocolVersion() + ": run the distest-worker.jar of the plugin's version");
                return;
            }
            if (attach.sessionId() == null || !attach.sessionId().matches("[A-Za-z0-9_-]{1,64}")) {
                refuse(channel, peer, "invalid session id");
                return;
            }
            client.setSoTimeout(0);
            if (Attach.CONTROL.equals(attach.purpose())) {
                Session session = new Session(attach.sessionId(), options.root(), store, channel, log);
                if (sessions.putIfAbsent(attach.sessionId(), session) != null) {
                    refuse(channel, peer, "session " + attach.sessionId() + " is already in use");
                    return;
                }
                try {
                    channel.send(new Attached(WorkerFacts.ofThisJvm()));
                    session.control();
                } finally {
                    sessions.remove(attach.sessionId());
                    session.close();
                }
            } else if (Attach.WORKER.equals(attach.purpose())) {
                Session session = sessions.get(attach.sessionId());
                if (session == null) {
                    refuse(channel, peer, "no session " + attach.sessionId() + " (its control connection must come first)");
                    return;
                }
                channel.send(new Attached(WorkerFacts.ofThisJvm()));
                session.runWorker(channel, client);
            } else {
                refuse(channel, peer, "unknown purpose \"" + attach.purpose() + "\"");
            }
        } catch (IOException e) {
            log.println("distest server: connection from " + peer + " ended: " + e.getMessage());
        }
    }

    private void refuse(MessageChannel channel, String peer, String reason) {
        log.println("distest server: refused " + peer + ": " + reason);
        try {
            channel.send(new Refused(reason));
        } catch (IOException ignored) {
            // it is refused either way
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
        socket.close();
        sessions.values().forEach(Session::close);
    }
}
