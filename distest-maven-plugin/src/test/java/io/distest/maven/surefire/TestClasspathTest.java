package io.distest.maven.surefire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.junit.jupiter.api.Test;

class TestClasspathTest {
    private static final Path TEST_CLASSES = Path.of("/p/target/test-classes");
    private static final Path CLASSES = Path.of("/p/target/classes");
    private static final Path BASEDIR = Path.of("/p");

    private static Artifact artifact(String groupId, String artifactId, String scope, boolean onClasspath) {
        DefaultArtifactHandler handler = new DefaultArtifactHandler(onClasspath ? "jar" : "pom");
        handler.setAddedToClasspath(onClasspath);
        DefaultArtifact artifact = new DefaultArtifact(groupId, artifactId, "1.0", scope, onClasspath ? "jar" : "pom",
                null, handler);
        artifact.setFile(new File("/repo/" + artifactId + ".jar"));
        return artifact;
    }

    private final List<Artifact> artifacts = List.of(
            artifact("com.acme", "core", "compile", true),
            artifact("org.slf4j", "slf4j-simple", "runtime", true),
            artifact("org.junit.jupiter", "junit-jupiter-api", "test", true),
            artifact("com.acme", "bom", "compile", false));

    private static List<Path> jars(String... artifactIds) {
        List<Path> paths = new java.util.ArrayList<>(List.of(TEST_CLASSES, CLASSES));
        for (String id : artifactIds) {
            paths.add(Path.of("/repo/" + id + ".jar"));
        }
        return paths;
    }

    @Test
    void testClassesThenClassesThenDependenciesAsSurefireOrdersThem() {
        assertEquals(jars("core", "slf4j-simple", "junit-jupiter-api"),
                TestClasspath.of(TEST_CLASSES, CLASSES, artifacts, null, null, null, BASEDIR));
    }

    @Test
    void classpathDependencyExcludesDropGroupIdArtifactIdPatterns() {
        assertEquals(jars("junit-jupiter-api"),
                TestClasspath.of(TEST_CLASSES, CLASSES, artifacts, null, List.of("org.slf4j:slf4j-simple", "com.acme:*"),
                        null, BASEDIR));
    }

    @Test
    void classpathDependencyScopeExcludeDropsTheScopesItNames() {
        // Surefire's rule: "runtime" drops what a runtime class path holds, compile and runtime scoped alike
        assertEquals(jars("junit-jupiter-api"),
                TestClasspath.of(TEST_CLASSES, CLASSES, artifacts, "runtime", null, null, BASEDIR));
    }

    @Test
    void additionalClasspathElementsComeLastRelativeToTheModule() {
        List<Path> expected = jars("core", "slf4j-simple", "junit-jupiter-api");
        expected.add(Path.of("/opt/extra.jar"));
        expected.add(BASEDIR.resolve("lib/a.jar"));
        expected.add(BASEDIR.resolve("lib/b.jar"));
        assertEquals(expected, TestClasspath.of(TEST_CLASSES, CLASSES, artifacts, null, List.of(),
                List.of("/opt/extra.jar", "lib/a.jar, lib/b.jar"), BASEDIR));
    }

    @Test
    void dependenciesToScanPicksTheMatchingJarsThatExist(@org.junit.jupiter.api.io.TempDir Path repo) throws Exception {
        Artifact shared = artifact("com.acme", "shared-tests", "test", true);
        shared.setFile(java.nio.file.Files.createFile(repo.resolve("shared-tests.jar")).toFile());
        Artifact unbuilt = artifact("com.acme", "unbuilt", "test", true); // its file does not exist
        Artifact module = artifact("com.acme", "module", "test", true);
        module.setFile(java.nio.file.Files.createDirectories(repo.resolve("module/target/classes")).toFile());
        List<Artifact> all = List.of(shared, unbuilt, module, artifact("org.other", "lib", "test", true));
        assertEquals(List.of(repo.resolve("shared-tests.jar"), repo.resolve("module/target/classes")),
                TestClasspath.toScan(all, List.of("com.acme:*"), "3.5.4"));
        assertEquals(List.of(repo.resolve("shared-tests.jar")),
                TestClasspath.toScan(all, List.of(" com.acme:shared-tests:jar "), null));
        assertEquals(List.of(), TestClasspath.toScan(all, null, "3.5.4"));
        // before 2.22.0 Surefire scans jars only: a reactor module's class directory is not
        assertEquals(List.of(repo.resolve("shared-tests.jar")), TestClasspath.toScan(all, List.of("com.acme:.*"), "2.19.1"));
    }

    @Test
    void dependenciesToScanBefore300M4AreGroupIdArtifactIdRegularExpressions(@org.junit.jupiter.api.io.TempDir Path repo)
            throws Exception {
        Artifact shared = artifact("com.acme", "shared-tests", "test", true);
        shared.setFile(java.nio.file.Files.createFile(repo.resolve("shared-tests.jar")).toFile());
        assertEquals(List.of(repo.resolve("shared-tests.jar")),
                TestClasspath.toScan(List.of(shared), List.of("com\\.acme:.*-tests"), "2.22.2"));
        assertEquals(List.of(), TestClasspath.toScan(List.of(shared), List.of("com.acme:shared"), "2.22.2")); // whole id
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> TestClasspath.toScan(List.of(shared), List.of("com.acme:shared-tests:jar"), "3.0.0-M3"));
        assertEquals("dependenciesToScan entry \"com.acme:shared-tests:jar\" is not groupId:artifactId, the only form"
                + " maven-surefire-plugin 3.0.0-M3 accepts; write it so, or use Surefire 3.0.0-M4 or later for"
                + " groupId:artifactId:type:classifier:version patterns", e.getMessage());
    }
}
