package io.distest.maven.run;

import io.distest.maven.gateway.WorkerHandle;
import io.distest.maven.schedule.WorkerRef;
import io.distest.maven.tx.TxSpec;
import io.distest.protocol.Message;
import io.distest.protocol.MessageChannel;
import io.distest.protocol.WorkerFacts;
import io.distest.shared.Threads;
import java.io.EOFException;
import java.io.IOException;
import java.util.concurrent.BlockingQueue;

/**
 * The plugin's side of one worker JVM: its process, its connection, its state. Which units it holds is the
 * scheduling policy's business alone. One owner for each piece that changes: the {@link WorkerPool} starts, connects
 * and ends it (its state, connection and facts); the run loop alone keeps its {@link #progress}.
 */
final class WorkerJvm {
    enum State { STARTING, READY, GONE }

    final WorkerRef ref;
    final int number;
    final TxSpec spec;
    final WorkerHandle handle;
    final long startedNanos;
    private State state = State.STARTING;
    private MessageChannel channel;
    private WorkerFacts facts;
    /** The unit it runs, as far as the run loop's decisions need it. */
    final UnitProgress progress = new UnitProgress();

    WorkerJvm(String id, String group, int number, TxSpec spec, WorkerHandle handle, long startedNanos) {
        this.ref = new WorkerRef(id, group);
        this.number = number;
        this.spec = spec;
        this.handle = handle;
        this.startedNanos = startedNanos;
    }

    String id() {
        return ref.id();
    }

    State state() {
        return state;
    }

    /** Its connection, once {@link #connected}; else {@code null}. */
    MessageChannel channel() {
        return channel;
    }

    /** Its JVM, host and platform, once {@link #connected}; else {@code null}. */
    WorkerFacts facts() {
        return facts;
    }

    /** It left the run: ended, lost or never connected. */
    void gone() {
        state = State.GONE;
    }

    /** Binds the connection and starts reading from it into {@code events}. */
    void connected(MessageChannel channel, WorkerFacts facts, BlockingQueue<RunEvent> events) {
        this.channel = channel;
        this.facts = facts;
        this.state = State.READY;
        Threads.start(() -> read(events), "distest-read-" + id());
    }

    private void read(BlockingQueue<RunEvent> events) {
        try {
            while (true) {
                events.add(new RunEvent.Received(this, channel.receive()));
            }
        } catch (EOFException e) {
            events.add(new RunEvent.Disconnected(this, "connection closed"));
        } catch (IOException e) {
            events.add(new RunEvent.Disconnected(this, e.getMessage()));
        }
    }

    void send(Message message) throws IOException {
        channel.send(message);
    }
}
