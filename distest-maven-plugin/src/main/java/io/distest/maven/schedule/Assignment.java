package io.distest.maven.schedule;

/** Send this unit to this worker now. */
public record Assignment(WorkerRef worker, TestUnit unit) {}
