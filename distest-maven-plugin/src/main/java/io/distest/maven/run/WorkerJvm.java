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
 * scheduling policy's business alone. Started and ended by the {@link WorkerPool}; used by the run loop.
 */
final class WorkerJvm {
    enum State { STARTING, READY, GONE }

    final WorkerRef ref;
    final int number;
    final TxSpec spec;
    final WorkerHandle handle;
    final long startedNanos;
    State state = State.STARTING;
    MessageChannel channel;
    WorkerFacts facts;
    /** The unit it runs, as far as decisions need it. */
    final UnitProgress progress = new UnitProgress();
    /** Id of the unit the run loop last told reporting this worker started; -1 before the first. */
    int announcedUnitId = -1;

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
