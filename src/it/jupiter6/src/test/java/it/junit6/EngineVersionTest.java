package it.junit6;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/** The project declares only junit-jupiter-api 6.1.3: the engine and launcher distest adds must be 6.1.3 too. */
class EngineVersionTest {
    @Test
    void jupiterEngineMatchesTheProjectsJUnit() throws Exception {
        assertEquals("junit-jupiter-engine-6.1.3.jar", jarOf("org.junit.jupiter.engine.JupiterTestEngine"));
        assertEquals(1, copies("org/junit/jupiter/engine/JupiterTestEngine.class"), "copies of the Jupiter engine");
    }

    @Test
    void launcherMatchesTheProjectsJUnit() throws Exception {
        assertEquals("junit-platform-launcher-6.1.3.jar", jarOf("org.junit.platform.launcher.Launcher"));
        assertEquals(1, copies("org/junit/platform/launcher/Launcher.class"), "copies of the launcher");
        assertEquals("junit-platform-engine-6.1.3.jar", jarOf("org.junit.platform.engine.TestEngine"));
        assertEquals(1, copies("org/junit/platform/engine/TestEngine.class"), "copies of the platform engine API");
    }

    private String jarOf(String className) throws ClassNotFoundException, URISyntaxException {
        Class<?> type = Class.forName(className, false, getClass().getClassLoader());
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).getFileName().toString();
    }

    private int copies(String resource) throws IOException {
        return Collections.list(getClass().getClassLoader().getResources(resource)).size();
    }
}
