package io.distest.maven.schedule;

/**
 * A worker as scheduling policies see it: a name, nothing to do I/O with.
 *
 * @param group the gateway (tx spec) it belongs to, for policies that keep gateways apart ({@code dist=each})
 */
public record WorkerRef(String id, String group) {
    public WorkerRef(String id) {
        this(id, "");
    }
}
