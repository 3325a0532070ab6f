package io.distest.protocol;

/**
 * Work stealing: give back this unit if it has not started. The plugin sent it ahead and now wants it for an idle
 * worker. The worker answers with {@link Revoked}, at once, even while a test runs.
 */
public record Revoke(int unitId) implements Message {}
