package io.distest.maven.surefire;

import io.distest.maven.schedule.TestUnit;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.surefire.util.DependencyScanner;
import org.apache.maven.plugin.surefire.util.DirectoryScanner;
import org.apache.maven.surefire.api.testset.TestListResolver;

/**
 * Which test classes run, by Surefire's rules: those in the test classes directory and in the dependencies of
 * {@code dependenciesToScan} that match the default or configured includes/excludes, or {@code -Dtest=}
 * (class patterns, {@code Class#method} with {@code +} for several methods, {@code !} exclusions) which replaces
 * them. Method parts become method-name globs the worker applies.
 */
public final class TestSelection {
    public static final List<String> DEFAULT_INCLUDES =
            List.of("**/Test*.java", "**/*Test.java", "**/*Tests.java", "**/*TestCase.java");
    public static final List<String> DEFAULT_EXCLUDES = List.of("**/*$*");

    private TestSelection() {}

    /**
     * @param test Surefire's {@code test} parameter, or {@code null}
     * @return one unit per selected class, in class-name order
     */
    public static List<TestUnit> select(Path testClassesDirectory, List<String> includes, List<String> excludes,
            String test) {
        return select(testClassesDirectory, List.of(), includes, excludes, test, List.of());
    }

    /**
     * @param dependenciesToScan jars and class directories of the dependencies Surefire's {@code dependenciesToScan}
     *     names: their classes are selected by the same rules and run from the test class path
     * @param test Surefire's {@code test} parameter, or {@code null}
     * @param methodFilters without {@code test}: {@code -Dtest}-style patterns ({@code !} before an exclusion) a class
     *     must match to run, whose {@code #method} parts narrow its methods (Surefire 3.0.0-M6+'s includesFile /
     *     excludesFile lines)
     * @return one unit per selected class, in class-name order
     */
    public static List<TestUnit> select(Path testClassesDirectory, List<Path> dependenciesToScan, List<String> includes,
            List<String> excludes, String test, List<String> methodFilters) {
        boolean specific = test != null && !test.isBlank();
        List<String> tokens = specific ? tokens(test) : List.of();
        TestListResolver filter = specific
                ? new TestListResolver(tokens, List.of())
                : new TestListResolver(orDefault(includes, DEFAULT_INCLUDES), orDefault(excludes, DEFAULT_EXCLUDES));
        Set<String> found = new TreeSet<>();
        if (Files.isDirectory(testClassesDirectory)) {
            found.addAll(new DirectoryScanner(testClassesDirectory.toFile(), filter).scan().getClasses());
        }
        found.addAll(scanDependencies(dependenciesToScan, filter));
        List<String> classes = new ArrayList<>(found);
        // a nested class runs with its outer class (as in Surefire's single launcher request); never twice
        Set<String> selected = Set.copyOf(classes);
        classes.removeIf(name -> name.contains("$") && selected.contains(name.substring(0, name.indexOf('$'))));
        List<String> required = methodFilters.stream().filter(p -> !p.startsWith("!")).toList();
        if (!specific && !required.isEmpty()) {
            // Surefire's provider runs only what the includesFile names, whatever else includes scanned
            TestListResolver named = new TestListResolver(required, List.of());
            classes.removeIf(name -> !named.shouldRun(name.replace('.', '/') + ".class", null));
        }
        List<TestUnit> units = new ArrayList<>();
        for (String className : classes) {
            List<String> narrowing = specific ? tokens : methodFilters;
            units.add(narrowing.isEmpty() ? TestUnit.wholeClass(units.size(), className)
                    : unitWithMethods(units.size(), className, narrowing));
        }
        return units;
    }

    /** As Surefire scans them: a jar's entries, or a reactor module's class directory (when not yet packaged). */
    private static List<String> scanDependencies(List<Path> dependencies, TestListResolver filter) {
        List<String> classes = new ArrayList<>();
        List<File> jars = new ArrayList<>();
        for (Path dependency : dependencies) {
            if (Files.isDirectory(dependency)) {
                classes.addAll(new DirectoryScanner(dependency.toFile(), filter).scan().getClasses());
            } else if (Files.isRegularFile(dependency)) {
                jars.add(dependency.toFile());
            }
        }
        try {
            classes.addAll(new DependencyScanner(jars, filter).scan().getClasses());
        } catch (MojoExecutionException e) {
            throw new UncheckedIOException(new IOException(e.getMessage(), e.getCause()));
        }
        return classes;
    }

    private static TestUnit unitWithMethods(int id, String className, List<String> tokens) {
        String classFile = className.replace('.', File.separatorChar) + ".class";
        Set<String> include = new LinkedHashSet<>();
        Set<String> exclude = new LinkedHashSet<>();
        boolean wholeClass = false;
        for (String token : tokens) {
            boolean negated = token.startsWith("!");
            String body = negated ? token.substring(1) : token;
            int hash = body.indexOf('#');
            String classPart = hash < 0 ? body : body.substring(0, hash);
            if (classPart.isEmpty() || body.startsWith("%regex[")) {
                continue; // method-only or regex patterns: Surefire's class filter already applied them
            }
            if (!new TestListResolver(classPart).shouldRun(classFile, null)) {
                continue;
            }
            List<String> methods = hash < 0 ? List.of() : List.of(body.substring(hash + 1).split("\\+"));
            if (negated) {
                exclude.addAll(methods);
            } else if (methods.isEmpty()) {
                wholeClass = true;
            } else {
                include.addAll(methods);
            }
        }
        return new TestUnit(id, className, wholeClass ? List.of() : List.copyOf(include), List.copyOf(exclude));
    }

    private static List<String> tokens(String test) {
        List<String> tokens = new ArrayList<>();
        for (String token : test.split(",")) {
            if (!token.isBlank()) {
                tokens.add(token.trim());
            }
        }
        return tokens;
    }

    private static List<String> orDefault(List<String> patterns, List<String> defaults) {
        return patterns == null || patterns.isEmpty() ? defaults : patterns;
    }
}
