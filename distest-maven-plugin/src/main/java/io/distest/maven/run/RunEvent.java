package io.distest.maven.run;

import io.distest.protocol.Message;
import io.distest.protocol.MessageChannel;
import io.distest.protocol.WorkerFacts;

/** What the run loop reacts to; produced by I/O threads, consumed by the loop alone. */
sealed interface RunEvent {

    /** A worker proved the token and said hello. */
    record Connected(String workerId, MessageChannel channel, WorkerFacts facts) implements RunEvent {}

    /** A message from a connected worker. */
    record Received(WorkerJvm worker, Message message) implements RunEvent {}

    /** The connection to a worker ended or broke. */
    record Disconnected(WorkerJvm worker, String cause) implements RunEvent {}

    /** A worker's JVM exited (it may never have connected). */
    record Exited(WorkerJvm worker) implements RunEvent {}
}
