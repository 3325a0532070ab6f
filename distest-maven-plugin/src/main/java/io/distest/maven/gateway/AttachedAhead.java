package io.distest.maven.gateway;

import io.distest.protocol.Attach;
import io.distest.protocol.MessageChannel;
import io.distest.shared.Quietly;
import io.distest.shared.Secrets;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A session's connections attached before a run asks for them (by an early ssh start, while the build still
 * compiles): the control connection, with its session made on the far side, and one connection per worker. The
 * run that takes them ({@link ServerClient#attachAndSync}) only has to send its manifest: at a 50 ms round trip,
 * a tunnel and an attach are 0.1–0.2 s of every run. Each is as proved as one attached then (see
 * {@link ServerHandshake}).
 */
public final class AttachedAhead implements AutoCloseable {
    private final String sessionId;
    private final ServerHandshake.Attachment control;
    private final List<CompletableFuture<MessageChannel>> workers;

    private AttachedAhead(String sessionId, ServerHandshake.Attachment control,
            List<CompletableFuture<MessageChannel>> workers) {
        this.sessionId = sessionId;
        this.control = control;
        this.workers = workers;
    }

    /** Attaches a new session's control connection, then {@code workers} worker connections beside each other. */
    public static AttachedAhead attach(ServerClient.Connector connector, String token, String where, int workers)
            throws IOException {
        return attach(connector, token, where, workers, ServerHandshake.ANSWER_SECONDS);
    }

    /**
     * As {@link #attach(ServerClient.Connector, String, String, int)}, leaving a far side silent for
     * {@code answerSeconds} (a remembered port, which another account may hold now).
     */
    public static AttachedAhead attach(ServerClient.Connector connector, String token, String where, int workers,
            int answerSeconds) throws IOException {
        String sessionId = Secrets.hexId(12);
        ServerHandshake.Attachment control = ServerHandshake.attach(connector.open(), token, sessionId, Attach.CONTROL,
                where, answerSeconds);
        List<CompletableFuture<MessageChannel>> prepared = ServerHandshake.attachWorkers(connector, token, sessionId,
                where, workers).stream().map(worker -> worker.thenApply(ServerHandshake.Attachment::channel)).toList();
        return new AttachedAhead(sessionId, control, prepared);
    }

    String sessionId() {
        return sessionId;
    }

    ServerHandshake.Attachment control() {
        return control;
    }

    List<CompletableFuture<MessageChannel>> workers() {
        return workers;
    }

    /** Closes what no run took: the far side ends the session. */
    @Override
    public void close() {
        Quietly.close(control.channel());
        workers.forEach(worker -> worker.thenAccept(Quietly::close));
    }
}
