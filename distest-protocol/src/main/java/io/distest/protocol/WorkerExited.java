package io.distest.protocol;

/** Sent on the control connection when a worker JVM of the session ended: how, and the tail of its own output. */
public record WorkerExited(String workerId, String exit, String outputTail) implements Message {}
