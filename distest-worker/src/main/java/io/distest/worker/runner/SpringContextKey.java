package io.distest.worker.runner;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which Spring test application context a test class used: the key Spring's own context cache stored it under (its
 * {@code MergedContextConfiguration}), read from that cache after the class ran, so nothing is computed twice and
 * nothing is logged. Classes with equal keys share one context in a JVM; the build keeps them on one worker.
 *
 * <p>The cache is Spring's static {@code DefaultCacheAwareContextLoaderDelegate.defaultContextCache}, an LRU map: the
 * key last in it is the context used last. It is read only when the class ran under Spring's test support and the
 * cache was used since the last look, so a class without Spring never initialises Spring's classes. Anything
 * unexpected (an older or newer Spring that keeps its cache otherwise) gives no key: grouping is a speed-up only.
 */
final class SpringContextKey {
    private static final String DELEGATE = "org.springframework.test.context.cache.DefaultCacheAwareContextLoaderDelegate";
    private static final String SPRING_TEST = "org.springframework.test.context.";
    /** Fields kept beside a key that Spring does not compare: the test class and the loader delegate with its cache. */
    private static final Set<String> NOT_COMPARED = Set.of("testClass", "cacheAwareContextLoaderDelegate", "logger", "log");

    private final ClassLoader loader;
    private Class<?> delegate;
    private boolean absent;
    private long usesSeen;

    SpringContextKey(ClassLoader loader) {
        this.loader = loader;
    }

    /** The key of the context the class used, {@code "spring:"} and 16 hex digits; empty when it used none. */
    String after(String className) {
        if (absent || !ranUnderSpring(className)) {
            return "";
        }
        try {
            Object cache = cache();
            long uses = count(cache, "getHitCount") + count(cache, "getMissCount");
            if (uses == usesSeen) {
                return "";
            }
            usesSeen = uses;
            Object key = lastUsedKey(cache);
            if (key == null) {
                return "";
            }
            // the key is the configuration of the class that started the context: that class is left out of it
            Object keptFor = key.getClass().getMethod("getTestClass").invoke(key);
            return "spring:" + StableFingerprint.hash(StableFingerprint.of(key, keptFor, NOT_COMPARED));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            absent = true; // a Spring that keeps its cache otherwise: no grouping, and no further tries
            return "";
        }
    }

    /** Whether Spring's test support is on the class path (asked once) and the class ran under it. */
    private boolean ranUnderSpring(String className) {
        try {
            if (delegate == null) {
                delegate = Class.forName(DELEGATE, false, loader); // not initialised: a class without Spring never is
            }
            return usesSpringTest(Class.forName(className, false, loader));
        } catch (ClassNotFoundException e) {
            absent = delegate == null;
            return false;
        } catch (RuntimeException | LinkageError e) { // an annotation that cannot be read: this class has no key
            return false;
        }
    }

    private Object cache() throws ReflectiveOperationException {
        Field field = delegate.getDeclaredField("defaultContextCache");
        field.setAccessible(true);
        return field.get(null); // initialises the class, which the test class's run has done already
    }

    private static long count(Object cache, String getter) throws ReflectiveOperationException {
        Method method = Class.forName("org.springframework.test.context.cache.ContextCache", false,
                cache.getClass().getClassLoader()).getMethod(getter);
        return ((Number) method.invoke(cache)).longValue();
    }

    private static Object lastUsedKey(Object cache) throws ReflectiveOperationException {
        Field field = cache.getClass().getDeclaredField("contextMap");
        field.setAccessible(true);
        Map<?, ?> contexts = (Map<?, ?>) field.get(cache);
        Object last = null;
        synchronized (contexts) { // a Collections.synchronizedMap: iterating needs its lock
            for (Object key : contexts.keySet()) {
                last = key;
            }
        }
        return last;
    }

    /**
     * Whether the class (its superclasses or enclosing classes) runs under Spring's test support: an annotation of
     * {@code org.springframework.test.context}, directly or as a meta-annotation, one naming a class of it (such as
     * {@code @ExtendWith(SpringExtension.class)} or {@code @RunWith(SpringRunner.class)}), or a Spring base class.
     */
    static boolean usesSpringTest(Class<?> testClass) {
        Set<Class<?>> seen = new HashSet<>();
        Deque<Annotation> pending = new ArrayDeque<>();
        for (Class<?> type = testClass; type != null; type = type.getEnclosingClass()) {
            for (Class<?> level = type; level != null && level != Object.class; level = level.getSuperclass()) {
                if (level.getName().startsWith(SPRING_TEST)) {
                    return true;
                }
                pending.addAll(List.of(level.getDeclaredAnnotations()));
            }
        }
        while (!pending.isEmpty()) {
            Annotation annotation = pending.pop();
            Class<? extends Annotation> type = annotation.annotationType();
            if (!seen.add(type)) {
                continue;
            }
            if (type.getName().startsWith(SPRING_TEST) || namesSpringTestClass(annotation)) {
                return true;
            }
            if (!type.getName().startsWith("java.")) {
                pending.addAll(List.of(type.getDeclaredAnnotations()));
            }
        }
        return false;
    }

    private static boolean namesSpringTestClass(Annotation annotation) {
        try {
            Object value = annotation.annotationType().getMethod("value").invoke(annotation);
            if (value instanceof Class<?> single) {
                return single.getName().startsWith(SPRING_TEST);
            }
            if (value instanceof Class<?>[] several) {
                for (Class<?> type : several) {
                    if (type.getName().startsWith(SPRING_TEST)) {
                        return true;
                    }
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // no value(), or one that cannot be read: it names nothing
        }
        return false;
    }
}
