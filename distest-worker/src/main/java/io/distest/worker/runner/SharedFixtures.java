package io.distest.worker.runner;

/**
 * The in-JVM cached fixture a test class used, by its framework's own key: Spring's application context (read from
 * Spring's context cache after the class ran) or Quarkus's application (its test profile). Empty for a class that
 * used none. The build keeps classes with the same key on one worker, one after another.
 */
final class SharedFixtures {
    private final ClassLoader loader;
    private final SpringContextKey spring;

    SharedFixtures(ClassLoader loader) {
        this.loader = loader;
        this.spring = new SpringContextKey(loader);
    }

    /** Asked once the class's unit ran. */
    String after(String className) {
        String key = spring.after(className);
        if (!key.isEmpty()) {
            return key;
        }
        try {
            return QuarkusProfileKey.of(Class.forName(className, false, loader));
        } catch (ClassNotFoundException | RuntimeException | LinkageError e) {
            return "";
        }
    }
}
