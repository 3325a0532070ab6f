package io.distest.maven.settings;

/** How tests are spread over the gateways ({@code distest.dist}). */
public enum Dist {
    /** One queue: each worker takes the next unit. */
    LOAD,
    /** Every unit on every gateway: each tx spec is a platform with its own reports. */
    EACH
}
