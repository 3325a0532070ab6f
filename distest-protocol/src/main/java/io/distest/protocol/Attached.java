package io.distest.protocol;

/** The server accepted an {@link Attach}: what it runs on. */
public record Attached(WorkerFacts facts) implements Message {}
