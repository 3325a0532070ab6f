package io.distest.maven.schedule;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Whether a test class may be split across workers by method. It may not when its methods depend on running
 * in one JVM, in order, on one instance: {@code @TestMethodOrder}, {@code @FixMethodOrder},
 * {@code @TestInstance(PER_CLASS)} (also as the configured default), TestNG {@code dependsOnMethods},
 * {@code dependsOnGroups} or {@code priority}, {@code @Nested} classes, a JUnit 4 runner other than the default,
 * a suite; nor when it opts out: {@code @Tag("distest-no-split")} (JUnit 5), {@code groups = "distest-no-split"}
 * (TestNG).
 *
 * <p>The class is read, never initialised, by a throw-away class loader over the test class path, and
 * annotations are recognised by type name: the plugin needs none of the test frameworks itself.
 */
public final class SplitSafety implements AutoCloseable {
    /** The opt-out tag (JUnit 5) or group (TestNG). */
    static final String NO_SPLIT_TAG = "distest-no-split";

    /**
     * What the rules look at.
     *
     * @param classAnnotations on the class, its superclasses and interfaces, and their meta-annotations
     * @param methodAnnotations on the methods of the class and its superclasses
     * @param hasNestedClasses a member class is annotated {@code @Nested}
     */
    record ClassFacts(List<Annotated> classAnnotations, List<Annotated> methodAnnotations, boolean hasNestedClasses) {}

    /**
     * An annotation by type name, with its attributes: enums as their names, classes as their names, arrays as
     * lists, everything else as is.
     */
    record Annotated(String type, Map<String, Object> attributes) {
        Object attribute(String name) {
            return attributes.get(name);
        }
    }

    private static final Set<String> PLAIN_JUNIT4_RUNNERS =
            Set.of("org.junit.runners.JUnit4", "org.junit.runners.BlockJUnit4ClassRunner");

    private final URLClassLoader loader;
    private final Map<String, String> configuration;

    /**
     * @param configurationParameters the run's JUnit Platform configuration parameters; {@code
     *     junit-platform.properties} from the class path adds to them
     */
    public SplitSafety(List<Path> classpath, Map<String, String> configurationParameters) {
        List<URL> urls = new ArrayList<>();
        for (Path entry : classpath) {
            try {
                urls.add(entry.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("class path entry " + entry + " is not a valid URL", e);
            }
        }
        // the platform loader as parent: the plugin's own classes (Surefire, JUnit bits) never shadow the project's
        this.loader = new URLClassLoader("distest-split-check", urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
        this.configuration = new LinkedHashMap<>(platformProperties(loader));
        this.configuration.putAll(configurationParameters);
    }

    /** Why the class must run in one piece, or empty when it may be split. */
    public Optional<String> reasonNotToSplit(String className) {
        ClassFacts facts;
        try {
            facts = read(Class.forName(className, false, loader));
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return Optional.of("its annotations could not be read (" + e + ")");
        }
        return reason(facts, configuration);
    }

    /** The rules, on facts already read. */
    static Optional<String> reason(ClassFacts facts, Map<String, String> configuration) {
        for (Annotated annotation : facts.classAnnotations()) {
            switch (annotation.type()) {
                case "org.junit.jupiter.api.TestMethodOrder" -> {
                    return Optional.of("@TestMethodOrder orders its methods");
                }
                case "org.junit.FixMethodOrder" -> {
                    return Optional.of("@FixMethodOrder orders its methods");
                }
                case "org.junit.jupiter.api.TestInstance" -> {
                    if ("PER_CLASS".equals(annotation.attribute("value"))) {
                        return Optional.of("@TestInstance(PER_CLASS): its methods share one instance");
                    }
                }
                case "org.junit.runner.RunWith" -> {
                    Object runner = annotation.attribute("value");
                    if (!PLAIN_JUNIT4_RUNNERS.contains(runner)) {
                        return Optional.of("@RunWith(" + simpleName(String.valueOf(runner)) + ") decides what runs");
                    }
                }
                case "org.junit.platform.suite.api.Suite", "org.junit.runners.Suite$SuiteClasses" -> {
                    return Optional.of("it is a suite");
                }
                case "org.junit.jupiter.api.Tag" -> {
                    if (NO_SPLIT_TAG.equals(annotation.attribute("value"))) {
                        return Optional.of("@Tag(\"" + NO_SPLIT_TAG + "\")");
                    }
                }
                default -> { }
            }
            Optional<String> testng = testNg(annotation);
            if (testng.isPresent()) {
                return testng;
            }
        }
        for (Annotated annotation : facts.methodAnnotations()) {
            if (annotation.type().equals("org.junit.jupiter.api.Tag") && NO_SPLIT_TAG.equals(annotation.attribute("value"))) {
                return Optional.of("a method is tagged \"" + NO_SPLIT_TAG + "\"");
            }
            Optional<String> testng = testNg(annotation);
            if (testng.isPresent()) {
                return testng;
            }
        }
        if (facts.hasNestedClasses()) {
            return Optional.of("it has @Nested classes");
        }
        String lifecycle = configuration.get("junit.jupiter.testinstance.lifecycle.default");
        if (lifecycle != null && lifecycle.trim().toLowerCase(Locale.ROOT).equals("per_class")) {
            return Optional.of("junit.jupiter.testinstance.lifecycle.default=per_class");
        }
        String order = configuration.get("junit.jupiter.testmethod.order.default");
        if (order != null && !order.isBlank()) {
            return Optional.of("junit.jupiter.testmethod.order.default=" + order.trim() + " orders every class's methods");
        }
        return Optional.empty();
    }

    private static Optional<String> testNg(Annotated annotation) {
        if (!annotation.type().equals("org.testng.annotations.Test")) {
            return Optional.empty();
        }
        if (isNonEmptyList(annotation.attribute("dependsOnMethods"))) {
            return Optional.of("TestNG dependsOnMethods");
        }
        if (isNonEmptyList(annotation.attribute("dependsOnGroups"))) {
            return Optional.of("TestNG dependsOnGroups");
        }
        if (annotation.attribute("priority") instanceof Integer priority && priority != 0) {
            return Optional.of("TestNG priority orders its methods");
        }
        if (annotation.attribute("groups") instanceof List<?> groups && groups.contains(NO_SPLIT_TAG)) {
            return Optional.of("TestNG group \"" + NO_SPLIT_TAG + "\"");
        }
        return Optional.empty();
    }

    private static boolean isNonEmptyList(Object value) {
        return value instanceof List<?> list && !list.isEmpty();
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    /** Reads what the rules need; annotation types missing from the class path are skipped by the JDK. */
    static ClassFacts read(Class<?> type) {
        List<Annotated> classAnnotations = new ArrayList<>();
        Set<Class<?>> seenTypes = new HashSet<>();
        Set<Class<? extends Annotation>> seenAnnotations = new HashSet<>();
        List<Class<?>> hierarchy = new ArrayList<>();
        collectHierarchy(type, hierarchy, seenTypes);
        for (Class<?> c : hierarchy) {
            for (Annotation annotation : c.getDeclaredAnnotations()) {
                collect(annotation, classAnnotations, seenAnnotations);
            }
        }
        List<Annotated> methodAnnotations = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                for (Annotation annotation : method.getDeclaredAnnotations()) {
                    methodAnnotations.add(annotated(annotation));
                }
            }
        }
        boolean nested = false;
        for (Class<?> member : type.getDeclaredClasses()) {
            for (Annotation annotation : member.getDeclaredAnnotations()) {
                nested |= annotation.annotationType().getName().equals("org.junit.jupiter.api.Nested");
            }
        }
        return new ClassFacts(classAnnotations, methodAnnotations, nested);
    }

    private static void collectHierarchy(Class<?> type, List<Class<?>> hierarchy, Set<Class<?>> seen) {
        if (type == null || type == Object.class || !seen.add(type)) {
            return;
        }
        hierarchy.add(type);
        collectHierarchy(type.getSuperclass(), hierarchy, seen);
        for (Class<?> implemented : type.getInterfaces()) {
            collectHierarchy(implemented, hierarchy, seen);
        }
    }

    /** The annotation, its repeated values (a container's {@code value()}) and its meta-annotations. */
    private static void collect(Annotation annotation, List<Annotated> into, Set<Class<? extends Annotation>> seen) {
        Class<? extends Annotation> type = annotation.annotationType();
        if (type.getName().startsWith("java.lang.annotation.") || type.getName().startsWith("kotlin.")) {
            return;
        }
        Annotated annotated = annotated(annotation);
        into.add(annotated);
        if (annotated.attribute("value") instanceof List<?> values) {
            for (Object value : values) {
                if (value instanceof Annotated repeated) {
                    into.add(repeated); // @Tags({@Tag("a"), @Tag("b")})
                }
            }
        }
        if (seen.add(type)) {
            for (Annotation meta : type.getDeclaredAnnotations()) {
                collect(meta, into, seen);
            }
        }
    }

    private static Annotated annotated(Annotation annotation) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (Method attribute : annotation.annotationType().getDeclaredMethods()) {
            if (attribute.getParameterCount() != 0) {
                continue;
            }
            try {
                attribute.setAccessible(true);
                attributes.put(attribute.getName(), plain(attribute.invoke(annotation)));
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                // an attribute we cannot read is one the rules cannot use
            }
        }
        return new Annotated(annotation.annotationType().getName(), attributes);
    }

    private static Object plain(Object value) {
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof Class<?> type) {
            return type.getName();
        }
        if (value instanceof Annotation nested) {
            return annotated(nested);
        }
        if (value != null && value.getClass().isArray()) {
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                list.add(plain(Array.get(value, i)));
            }
            return list;
        }
        return value;
    }

    /** {@code junit-platform.properties} of the test class path; unreadable, it keeps every class in one piece. */
    private static Map<String, String> platformProperties(ClassLoader loader) {
        Map<String, String> properties = new LinkedHashMap<>();
        try (InputStream in = loader.getResourceAsStream("junit-platform.properties")) {
            if (in != null) {
                Properties read = new Properties();
                read.load(in);
                read.stringPropertyNames().forEach(name -> properties.put(name, read.getProperty(name)));
            }
        } catch (IOException | IllegalArgumentException e) {
            properties.put("junit.jupiter.testmethod.order.default", "(junit-platform.properties unreadable: " + e + ")");
        }
        return properties;
    }

    @Override
    public void close() {
        try {
            loader.close();
        } catch (IOException ignored) {
            // a throw-away loader: nothing more to do
        }
    }
}
