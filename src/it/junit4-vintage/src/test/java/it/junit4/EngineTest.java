package it.junit4;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Collections;
import org.junit.Test;

/** The project has only junit:junit; distest adds the Vintage engine and a launcher of the same release. */
public class EngineTest {
    @Test
    public void runsOnOneVintageEngineMatchingTheLauncher() throws Exception {
        String vintage = jarOf("org.junit.vintage.engine.VintageTestEngine");
        String launcher = jarOf("org.junit.platform.launcher.Launcher");
        System.out.println("engine " + vintage + ", launcher " + launcher);
        assertEquals(1, copies("org/junit/vintage/engine/VintageTestEngine.class"));
        assertEquals(1, copies("org/junit/platform/launcher/Launcher.class"));
        assertTrue(vintage, vintage.matches("junit-vintage-engine-5\\.\\d+\\.\\d+\\.jar"));
        // Jupiter/Vintage 5.x.y goes with Platform 1.x.y
        String vintageRelease = vintage.replaceAll("junit-vintage-engine-5\\.(.*)\\.jar", "$1");
        assertEquals("junit-platform-launcher-1." + vintageRelease + ".jar", launcher);
        assertEquals("the project's own JUnit 4", "junit-4.13.2.jar", jarOf("org.junit.Test"));
    }

    private String jarOf(String className) throws ClassNotFoundException, URISyntaxException {
        Class<?> type = Class.forName(className, false, getClass().getClassLoader());
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).getFileName().toString();
    }

    private int copies(String resource) throws IOException {
        return Collections.list(getClass().getClassLoader().getResources(resource)).size();
    }
}
