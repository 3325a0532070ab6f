package io.distest.maven.failsafe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FailsafeDefaultsTest {

    @Test
    void itTestSelectsTheIntegrationTestsAndSurefiresTestPropertyIsDropped() {
        FailsafeDefaults withItTest = FailsafeDefaults.of(Set.of(),
                new MapEvaluator(Map.of("it.test", "EchoIT", "test", "GreeterTest", "project.build.directory", "/p/target")));
        assertEquals("EchoIT", withItTest.values().getChild("test").getValue());

        FailsafeDefaults withoutItTest = FailsafeDefaults.of(Set.of(),
                new MapEvaluator(Map.of("test", "GreeterTest", "project.build.directory", "/p/target")));
        assertNull(withoutItTest.values().getChild("test"));
        assertTrue(withoutItTest.unset().contains("test"), withoutItTest.unset().toString());
    }

    @Test
    void failsafesPropertiesAndDefaultsReplaceSurefires() {
        FailsafeDefaults defaults = FailsafeDefaults.of(Set.of(), new MapEvaluator(Map.of(
                "project.build.directory", "/p/target", "failsafe.timeout", "600", "surefire.timeout", "5",
                "it.failIfNoSpecifiedTests", "false", "failsafe.includesFile", "its.txt")));
        assertEquals("/p/target/failsafe-reports", defaults.values().getChild("reportsDirectory").getValue());
        assertEquals("600", defaults.values().getChild("forkedProcessTimeoutInSeconds").getValue());
        assertEquals("0", defaults.values().getChild("rerunFailingTestsCount").getValue());
        assertEquals("false", defaults.values().getChild("failIfNoSpecifiedTests").getValue());
        assertEquals("its.txt", defaults.values().getChild("includesFile").getValue());
        assertTrue(defaults.unset().contains("excludesFile"));
    }

    @Test
    void settingsConfiguredOnDistestItselfKeepTheirValues() {
        FailsafeDefaults defaults = FailsafeDefaults.of(Set.of("reportsDirectory", "test"),
                new MapEvaluator(Map.of("project.build.directory", "/p/target", "it.test", "EchoIT")));
        assertNull(defaults.values().getChild("reportsDirectory"));
        assertNull(defaults.values().getChild("test"));
        assertTrue(!defaults.unset().contains("test"));
    }

    @Test
    void mainClassesAreThePackagedJarOnceItExists(@TempDir Path dir) throws IOException {
        File classes = dir.resolve("classes").toFile();
        File jar = dir.resolve("shop-1.0.jar").toFile();
        assertEquals(classes, FailsafeDefaults.mainClasses(null, classes), "before package: no artifact file");
        assertEquals(classes, FailsafeDefaults.mainClasses(jar, classes), "declared but not built");
        Files.writeString(jar.toPath(), "PK");
        assertEquals(jar, FailsafeDefaults.mainClasses(jar, classes));
        assertEquals(classes, FailsafeDefaults.mainClasses(classes, classes), "a pom or war directory is no jar");
    }
}
