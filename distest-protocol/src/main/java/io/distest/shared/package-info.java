/**
 * Small pieces both sides of distest need, kept once: secrets, SHA-256, closing without noise, name globs and the
 * command line that starts a worker JVM. Nothing here knows about Maven, the JUnit Platform or the wire format.
 */
package io.distest.shared;
