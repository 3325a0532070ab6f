package io.distest.worker.server;

import io.distest.protocol.Attach;
import io.distest.protocol.Attached;
import io.distest.protocol.Challenge;
import io.distest.protocol.Message;
import io.distest.protocol.MessageChannel;
import io.distest.protocol.Protocol;
import io.distest.protocol.Refused;
import io.distest.protocol.WorkerFacts;
import io.distest.shared.Admission;
import io.distest.shared.Threads;
import io.distest.shared.TokenProof;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * {@code serve}: a long-lived worker server. Every connection must prove the token in its first message, within
 * a time limit, before anything else is read (see {@link Admission}); builds each get a fresh session directory;
 * content stays cached (see {@link ContentStore}). No connection's failure ends the server.
 */
final class Server implements AutoCloseable {
    private final ServerOptions options;
    private final String token;
    private final PrintStream log;
    private final ServerRoot root;
    private final ServerSocketChannel listener;
    private final Admission<Attach> admission;
    private final IdleWatch idle;
    private final ContentStore store;
    private final Semaphore connections;
    private final WarmHomes homes;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    /** @throws IOException if the root cannot be trusted (saying why), or the address cannot be bound */
    Server(ServerOptions options, String token, PrintStream log) throws IOException {
        this.options = options;
        this.token = token;
        this.log = log;
        this.root = ServerRoot.open(options.root(), log);
        this.store = new ContentStore(root.cas(), root.incoming(), root.casIndex(), log);
        this.connections = new Semaphore(options.maxConnections());
        this.idle = new IdleWatch(options.idleMillis(), log);
        this.homes = new WarmHomes(options.lingerMillis() > 0, log);
        this.listener = ServerSocketChannel.open();
        try {
            listener.socket().setReuseAddress(true);
            listener.bind(new InetSocketAddress(InetAddress.getByName(options.bind()), options.port()), 128);
            this.admission = new Admission<>(listener, Attach.class, options.maxUnauthenticated(),
                    options.handshakeMillis(), line -> log.println("distest server: " + line),
                    () -> new Challenge(TokenProof.nonce()), this::admit);
        } catch (IOException | RuntimeException e) {
            listener.close();
            root.close();
            throw e;
        }
    }

    int port() {
        return listener.socket().getLocalPort();
    }

    String address() {
        return options.bind() + ":" + port();
    }

    /** Whether a build uses this server now: a session is open, or a connection that proved the token. */
    boolean busy() {
        return !sessions.isEmpty() || connections.availablePermits() < options.maxConnections();
    }

    /** Connections waiting to prove the token. */
    int unauthenticated() {
        return admission.pending();
    }

    /** Serves until closed. */
    void serve() {
        admission.run();
    }

    /** Called by the admission thread with a connection whose first frame was an {@code Attach}. */
    private void admit(SocketChannel channel, Attach attach, Message greeting, String peer) throws IOException {
        Socket client = channel.socket();
        byte[] challenge = ((Challenge) greeting).nonce();
        String refusal = check(attach, challenge);
        if (refusal == null && !connections.tryAcquire()) {
            refusal = options.maxConnections() + " connections are already open";
        }
        if (refusal != null) {
            try (client) {
                refuse(new MessageChannel(client.getInputStream(), client.getOutputStream(), client), peer, refusal);
            }
            return;
        }
        Threads.start(() -> {
            try {
                handle(client, attach, new Attached(WorkerFacts.ofThisJvm(),
                        TokenProof.ofServer(token, attach.nonce(), challenge)), peer);
            } finally {
                connections.release();
            }
        }, "distest-server-connection");
    }

    /** Why this {@code Attach} is refused, or null. */
    private String check(Attach attach, byte[] challenge) {
        if (attach.protocolVersion() != Protocol.VERSION) {
            return "this server speaks protocol version " + Protocol.VERSION + ", the client "
                    + attach.protocolVersion() + ": run the distest-worker.jar of the plugin's version";
        }
        if (!TokenProof.wellFormed(attach.nonce())
                || !TokenProof.matches(TokenProof.ofClient(token, challenge, attach.nonce()), attach.proof())) {
            return "wrong token";
        }
        try {
            root.checkStillPrivate(); // a build may attach without a far command's checks (one it remembered)
        } catch (IOException e) {
            return e.getMessage();
        }
        if (attach.sessionId() == null || !attach.sessionId().matches("[A-Za-z0-9_-]{1,64}")) {
            return "invalid session id";
        }
        if (!Attach.CONTROL.equals(attach.purpose()) && !Attach.WORKER.equals(attach.purpose())
                && !Attach.HOLD.equals(attach.purpose())) {
            return "unknown purpose \"" + attach.purpose() + "\"";
        }
        return null;
    }

    private void handle(Socket client, Attach attach, Attached attached, String peer) {
        try (client) {
            if (Attach.CONTROL.equals(attach.purpose())) {
                control(client, attach, attached, peer);
            } else if (Attach.WORKER.equals(attach.purpose())) {
                worker(client, attach, attached, peer);
            } else {
                hold(client, attached);
            }
        } catch (IOException e) {
            log.println("distest server: connection from " + peer + " ended: " + e.getMessage());
        } catch (RuntimeException | Error e) { // e.g. a StackOverflowError: one line, never a trace per connection
            log.println("distest server: connection from " + peer + " failed: " + e);
        }
    }

    private void control(Socket client, Attach attach, Attached attached, String peer) throws IOException {
        Session[] session = new Session[1];
        try (IdleWatch.Watched watched = idle.watch(client, peer, () -> session[0] != null && session[0].busy())) {
            MessageChannel channel = new MessageChannel(watched.in(), client.getOutputStream(), client);
            session[0] = new Session(attach.sessionId(), root.sessions(), store, root.cds(), homes, channel,
                    log);
            if (sessions.putIfAbsent(attach.sessionId(), session[0]) != null) {
                refuse(channel, peer, "session " + attach.sessionId() + " is already in use");
                return;
            }
            try {
                session[0].open();
                channel.send(attached);
                session[0].control();
            } finally {
                sessions.remove(attach.sessionId());
                session[0].close();
            }
        }
    }

    private void worker(Socket client, Attach attach, Attached attached, String peer) throws IOException {
        Session session = sessions.get(attach.sessionId());
        boolean[] spawned = new boolean[1];
        try (IdleWatch.Watched watched = idle.watch(client, peer, () -> spawned[0])) {
            MessageChannel channel = new MessageChannel(watched.in(), client.getOutputStream(), client);
            if (session == null) {
                refuse(channel, peer, "no session " + attach.sessionId() + " (its control connection must come first)");
                return;
            }
            channel.send(attached);
            session.runWorker(channel, client, () -> spawned[0] = true);
        }
    }

    /**
     * A build that means to use this lingering server keeps it (the connection counts while it is open: the server
     * is busy, so it does not end) until the build's own connections are made or the build ends.
     */
    private void hold(Socket client, Attached attached) throws IOException {
        MessageChannel channel = new MessageChannel(client.getInputStream(), client.getOutputStream(), client);
        channel.send(attached);
        while (client.getInputStream().read() >= 0) {
            // nothing is sent on it; it ends when the build closes it
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

    @Override
    public void close() throws IOException {
        try {
            admission.close();
            idle.close();
            homes.close(); // first: the sessions closed now leave nothing behind
            sessions.values().forEach(Session::close);
        } finally {
            root.close();
        }
    }
}
