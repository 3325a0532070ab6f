package io.distest.worker.runner;

import java.lang.annotation.Annotation;
import java.util.HashSet;
import java.util.Set;

/**
 * Which Quarkus application a {@code @QuarkusTest} class runs against: Quarkus starts one per JVM and starts it again
 * whenever the next class has another test profile ({@code @TestProfile}), so classes with the same profile share
 * it. Read from the class's annotations, by name: Quarkus need not be on the worker's own class path.
 */
final class QuarkusProfileKey {
    private static final String QUARKUS_TEST = "io.quarkus.test.junit.QuarkusTest";
    private static final String TEST_PROFILE = "io.quarkus.test.junit.TestProfile";

    private QuarkusProfileKey() {}

    /** {@code quarkus:} and the profile's class name ({@code default} without one); empty for other classes. */
    static String of(Class<?> testClass) {
        for (Class<?> type = testClass; type != null; type = type.getEnclosingClass()) {
            if (annotated(type, QUARKUS_TEST, new HashSet<>())) {
                return "quarkus:" + profile(type);
            }
        }
        return "";
    }

    private static String profile(Class<?> type) {
        for (Class<?> level = type; level != null && level != Object.class; level = level.getSuperclass()) {
            for (Annotation annotation : level.getDeclaredAnnotations()) {
                if (annotation.annotationType().getName().equals(TEST_PROFILE)) {
                    try {
                        return ((Class<?>) annotation.annotationType().getMethod("value").invoke(annotation)).getName();
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        return "unreadable";
                    }
                }
            }
        }
        return "default";
    }

    /** Whether the class or a superclass carries the annotation, directly or as a meta-annotation. */
    private static boolean annotated(Class<?> type, String name, Set<Class<?>> seen) {
        for (Class<?> level = type; level != null && level != Object.class; level = level.getSuperclass()) {
            for (Annotation annotation : level.getDeclaredAnnotations()) {
                if (metaAnnotated(annotation.annotationType(), name, seen)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean metaAnnotated(Class<? extends Annotation> type, String name, Set<Class<?>> seen) {
        if (type.getName().equals(name)) {
            return true;
        }
        if (!seen.add(type) || type.getName().startsWith("java.")) {
            return false;
        }
        for (Annotation meta : type.getDeclaredAnnotations()) {
            if (metaAnnotated(meta.annotationType(), name, seen)) {
                return true;
            }
        }
        return false;
    }
}
