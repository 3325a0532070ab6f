package io.distest.worker.runner;

import io.distest.protocol.TestId;
import java.lang.annotation.Annotation;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Names tests and containers as Surefire's JUnit Platform provider names them in its reports: the method name (or
 * the legacy name of an invocation, {@code m(int)[1]}), and the class text of the {@code classname} attribute — a
 * test's class (its {@code @DisplayName} if it has one), a container's enclosing class unless that is the
 * top-level class whose report it lands in.
 */
final class SurefireNames {
    private final TestPlan plan;
    /** A class container's {@code @DisplayName}, by unique id: looked up once per class, not for every event. */
    private final Map<String, Optional<String>> displayNames = new ConcurrentHashMap<>();
    /**
     * Identifiers by unique id, as the walks up to a test's class found them: {@code TestPlan.getTestIdentifier(String)}
     * parses the id every time, which was the worker's costliest step per test (it ran twice per test, inside the
     * time the test's report shows); a class's tests all share the same few parents.
     */
    private final Map<String, TestIdentifier> identifiers = new ConcurrentHashMap<>();

    SurefireNames(TestPlan plan) {
        this.plan = plan;
    }

    TestId testId(TestIdentifier id) {
        TestSource source = id.getSource().orElse(null);
        if (source instanceof MethodSource method) {
            return new TestId(id.getUniqueId(), method.getClassName(), methodName(id, method), id.getDisplayName(),
                    reportClass(id));
        }
        if (source instanceof ClassSource type) {
            return new TestId(id.getUniqueId(), type.getClassName(), null, id.getDisplayName(), reportClass(id));
        }
        return new TestId(id.getUniqueId(), null, id.getLegacyReportingName(), id.getDisplayName(), null);
    }

    /**
     * As Surefire's provider: the legacy name of a parameterized test ({@code m(int)}, an invocation {@code m()[1]},
     * a test under a {@code [params]} container such as JUnit 4's {@code Parameterized}), else the plain method name
     * (so a JUnit 3 test that names itself, as guava-testlib's generated ones, is reported by its method).
     */
    private String methodName(TestIdentifier id, MethodSource method) {
        String legacy = id.getLegacyReportingName();
        boolean parameterized = !method.getMethodParameterTypes().isBlank() || legacy.matches("^.*\\[\\d+]$")
                || underParameterizedContainer(id);
        return parameterized ? legacy : method.getMethodName();
    }

    private boolean underParameterizedContainer(TestIdentifier id) {
        for (TestIdentifier parent = plan.getParent(id).orElse(null); parent != null;
                parent = plan.getParent(parent).orElse(null)) {
            if (parent.getSource().isEmpty() && parent.getLegacyReportingName().matches("^\\[.+]$")) {
                return true;
            }
        }
        return false;
    }

    private String reportClass(TestIdentifier id) {
        TestIdentifier type = enclosingClass(id);
        if (type == null) {
            return null;
        }
        if (id.isTest()) {
            return displayNameTag(type).orElse(type.getLegacyReportingName());
        }
        String text = displayNameTag(type).orElse(((ClassSource) type.getSource().get()).getClassName());
        TestIdentifier top = topLevelClass(id);
        boolean ownReport = top != null && text.equals(((ClassSource) top.getSource().get()).getClassName());
        return ownReport ? null : text;
    }

    /** The identifier itself if it is a class, else the nearest class container above it. */
    private TestIdentifier enclosingClass(TestIdentifier id) {
        TestIdentifier current = id;
        while (current != null && !isClass(current)) {
            current = parent(current);
        }
        return current;
    }

    /** The outermost class container: its report holds every nested class's cases. */
    private TestIdentifier topLevelClass(TestIdentifier id) {
        TestIdentifier top = null;
        for (TestIdentifier current = id; current != null; current = parent(current)) {
            if (isClass(current)) {
                top = current;
            }
        }
        return top;
    }

    private TestIdentifier parent(TestIdentifier id) {
        String parentId = id.getParentId().orElse(null);
        return parentId == null ? null : identifiers.computeIfAbsent(parentId, plan::getTestIdentifier);
    }

    private static boolean isClass(TestIdentifier id) {
        return id.getSource().orElse(null) instanceof ClassSource;
    }

    private Optional<String> displayNameTag(TestIdentifier type) {
        return displayNames.computeIfAbsent(type.getUniqueId(), id -> readDisplayNameTag(type));
    }

    @SuppressWarnings("unchecked")
    private static Optional<String> readDisplayNameTag(TestIdentifier type) {
        try {
            Class<? extends Annotation> displayName = (Class<? extends Annotation>) Class.forName(
                    "org.junit.jupiter.api.DisplayName", false, Thread.currentThread().getContextClassLoader());
            Annotation annotation = ((ClassSource) type.getSource().get()).getJavaClass().getAnnotation(displayName);
            return annotation == null ? Optional.empty()
                    : Optional.of((String) displayName.getMethod("value").invoke(annotation));
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return Optional.empty(); // no Jupiter on the class path, or a class that cannot be loaded: no tag
        }
    }
}
