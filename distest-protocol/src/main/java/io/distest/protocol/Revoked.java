package io.distest.protocol;

/**
 * The answer to {@link Revoke}.
 *
 * @param returned {@code true}: the unit was still waiting and will not run here; {@code false}: it already
 *     started (or ended) here, and runs to its end as usual
 */
public record Revoked(int unitId, boolean returned) implements Message {}
