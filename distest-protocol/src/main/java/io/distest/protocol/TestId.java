package io.distest.protocol;

/**
 * A test (or a test container) as reports need it.
 *
 * @param uniqueId the JUnit Platform unique id
 * @param className the class the test belongs to
 * @param methodName the method, or {@code null} for a class-level container
 * @param displayName the name a report shows
 */
public record TestId(String uniqueId, String className, String methodName, String displayName) {}
