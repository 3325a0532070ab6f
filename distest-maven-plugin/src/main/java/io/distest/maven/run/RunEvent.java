package io.distest.maven.run;

import io.distest.maven.gateway.SpawnedWorker;
import io.distest.maven.tx.TxSpec;
import io.distest.protocol.Message;
import io.distest.protocol.MessageChannel;
import io.distest.protocol.WorkerFacts;
import java.io.IOException;

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

    /** How a spec's start-up chain (open its gateway, then spawn its workers) goes: the pool's business alone. */
    sealed interface Starting extends RunEvent {}

    /** The spec's gateway is open (connected, synced): the timeline's connect and sync bars end at {@code endNanos}. */
    record GatewayOpened(TxSpec spec, long startNanos, long endNanos, long syncMillis) implements Starting {}

    /** A worker of the spec is being asked for. */
    record Spawning(String workerId, TxSpec spec) implements Starting {}

    /** A worker of the spec was started (asked for at {@code startedNanos}, by the pool's clock); it connects later. */
    record Spawned(String workerId, int number, TxSpec spec, SpawnedWorker spawned, long startedNanos) implements Starting {}

    /** The spec cannot work (its gateway could not be opened, without fallback, or a worker could not be started). */
    record StartFailed(IOException failure) implements Starting {}
}
