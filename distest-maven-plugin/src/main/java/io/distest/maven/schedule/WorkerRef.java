package io.distest.maven.schedule;

/** A worker as scheduling policies see it: a name, nothing to do I/O with. */
public record WorkerRef(String id) {}
