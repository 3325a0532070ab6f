package io.distest.maven.gateway;

import io.distest.protocol.MessageChannel;

/**
 * A worker a gateway started.
 *
 * @param channel its connection when the gateway already holds one (remote workers arrive through their
 *     server); {@code null} when the worker connects back to the run's loopback port
 */
public record SpawnedWorker(WorkerHandle handle, MessageChannel channel) {}
