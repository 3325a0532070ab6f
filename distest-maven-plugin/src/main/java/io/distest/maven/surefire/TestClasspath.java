package io.distest.maven.surefire;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.resolver.filter.ArtifactFilter;
import org.apache.maven.artifact.resolver.filter.ScopeArtifactFilter;
import org.apache.maven.shared.artifact.filter.PatternIncludesArtifactFilter;

/**
 * The test class path as Surefire builds it: test classes, classes, the resolved dependencies minus
 * {@code classpathDependencyScopeExclude} and {@code classpathDependencyExcludes} (with Surefire's own artifact
 * filters), then {@code additionalClasspathElements}.
 */
public final class TestClasspath {
    private TestClasspath() {}

    /**
     * @param scopeExclude Surefire's {@code classpathDependencyScopeExclude} ({@code compile}, {@code runtime},
     *     {@code compile+runtime}, {@code runtime+system}, {@code test}), or {@code null}
     * @param excludes Surefire's {@code classpathDependencyExcludes}: {@code groupId:artifactId} patterns
     * @param additional Surefire's {@code additionalClasspathElements}; an element may hold several, comma-separated;
     *     relative ones are resolved against {@code basedir}
     */
    public static List<Path> of(Path testClassesDirectory, Path classesDirectory, Collection<Artifact> artifacts,
            String scopeExclude, List<String> excludes, List<String> additional, Path basedir) {
        List<ArtifactFilter> dropped = new ArrayList<>();
        if (scopeExclude != null && !scopeExclude.isBlank()) {
            dropped.add(new ScopeArtifactFilter(scopeExclude.trim()));
        }
        if (excludes != null && !excludes.isEmpty()) {
            dropped.add(new PatternIncludesArtifactFilter(excludes.stream().map(String::trim).toList()));
        }
        List<Path> classpath = new ArrayList<>();
        classpath.add(testClassesDirectory);
        classpath.add(classesDirectory);
        for (Artifact artifact : artifacts) {
            if (dropped.stream().anyMatch(filter -> filter.include(artifact))) {
                continue;
            }
            File file = artifact.getFile();
            if (file != null && (artifact.getArtifactHandler() == null || artifact.getArtifactHandler().isAddedToClasspath())) {
                classpath.add(file.toPath());
            }
        }
        for (String element : additional == null ? List.<String>of() : additional) {
            if (element == null) {
                continue;
            }
            Arrays.stream(element.split(",")).map(String::trim).filter(e -> !e.isEmpty())
                    .forEach(e -> classpath.add(basedir.resolve(e)));
        }
        return classpath;
    }

    /**
     * The files of the dependencies Surefire's {@code dependenciesToScan} names, as the project's Surefire picks them:
     * test-scope artifacts matching a {@code groupId[:artifactId[:type[:classifier][:version]]]} pattern (before
     * Surefire 3.0.0-M4: exactly {@code groupId:artifactId}, each part a regular expression) whose file is a jar, or,
     * from Surefire 2.22.0 on, a reactor module's class directory (a build that stops before {@code package}).
     *
     * @param surefireVersion the project's maven-surefire-plugin version; {@code null}: the newest rules
     * @throws IllegalArgumentException for a pattern the project's Surefire would refuse
     */
    public static List<Path> toScan(Collection<Artifact> testArtifacts, List<String> dependenciesToScan,
            String surefireVersion) {
        List<Path> files = new ArrayList<>();
        List<String> patterns = dependenciesToScan == null ? List.of()
                : dependenciesToScan.stream().filter(p -> p != null && !p.isBlank()).map(String::trim).toList();
        if (patterns.isEmpty()) {
            return files;
        }
        boolean directories = !SurefireRules.before(surefireVersion, "2.22.0");
        ArtifactFilter filter = SurefireRules.before(surefireVersion, "3.0.0-M4")
                ? groupArtifactRegexes(patterns, surefireVersion) : new PatternIncludesArtifactFilter(patterns);
        for (Artifact artifact : testArtifacts) {
            File file = artifact.getFile();
            if (filter.include(artifact) && file != null && file.exists() && (file.isDirectory() ? directories
                    : "jar".equals(artifact.getType()) || file.getName().endsWith(".jar"))) {
                files.add(file.toPath());
            }
        }
        return files;
    }

    /** Surefire before 3.0.0-M4: {@code groupId:artifactId}, each a regular expression the whole id must match. */
    private static ArtifactFilter groupArtifactRegexes(List<String> patterns, String surefireVersion) {
        List<String[]> parts = new ArrayList<>();
        for (String pattern : patterns) {
            String[] groupArtifact = pattern.split(":");
            if (groupArtifact.length != 2) {
                throw new IllegalArgumentException("dependenciesToScan entry \"" + pattern + "\" is not groupId:artifactId,"
                        + " the only form maven-surefire-plugin " + surefireVersion + " accepts; write it so, or use"
                        + " Surefire 3.0.0-M4 or later for groupId:artifactId:type:classifier:version patterns");
            }
            parts.add(groupArtifact);
        }
        return artifact -> parts.stream().anyMatch(p -> artifact.getGroupId().matches(p[0])
                && artifact.getArtifactId().matches(p[1]));
    }
}
