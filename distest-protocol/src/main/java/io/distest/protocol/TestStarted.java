package io.distest.protocol;

/** A test began; output that follows belongs to it until it finishes. */
public record TestStarted(int unitId, TestId test) implements Message {}
