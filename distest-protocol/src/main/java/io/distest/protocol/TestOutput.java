package io.distest.protocol;

/** Text a test printed, sent as it happens so that nothing is lost if the worker dies. */
public record TestOutput(int unitId, boolean stderr, String text) implements Message {}
