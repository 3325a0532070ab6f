package io.distest.protocol;

/**
 * A test (or a test container) as reports need it.
 *
 * @param uniqueId the JUnit Platform unique id
 * @param className the class the test belongs to
 * @param methodName the method, or {@code null} for a class-level container
 * @param displayName the name a report shows
 * @param reportClass the class text Surefire's report shows for it (its {@code classname} attribute): for a test,
 *     its class's {@code @DisplayName} or name; for a container, the enclosing class when that is not the top-level
 *     class; {@code null} when Surefire shows the report's own (top-level) class name
 */
public record TestId(String uniqueId, String className, String methodName, String displayName, String reportClass) {

    /** A test reported under its own class, or a container reported under the top-level class. */
    public TestId(String uniqueId, String className, String methodName, String displayName) {
        this(uniqueId, className, methodName, displayName, methodName != null ? className : null);
    }
}
