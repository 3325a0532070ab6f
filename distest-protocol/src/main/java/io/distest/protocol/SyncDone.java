package io.distest.protocol;

/** The session directory is laid out: every manifest file is in place with its verified content. */
public record SyncDone(int filesReceived, long bytesReceived, String sessionDirectory) implements Message {}
