package it.fresh;

/** Static state every test class claims once: only the first claim in a JVM gets 1. */
final class Leak {
    private static int claims;

    private Leak() {}

    static synchronized int claim() {
        return ++claims;
    }
}
