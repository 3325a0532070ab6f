package io.distest.protocol;

/** The plugin refuses a worker (wrong token, other protocol version); the worker exits. */
public record Refused(String reason) implements Message {}
