package io.distest.protocol;

/** No more work: the worker closes its connection and exits. */
public record Shutdown() implements Message {}
