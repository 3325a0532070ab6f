package it.junit4;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.Test;

/**
 * The project has only junit:junit, so Surefire runs it with its JUnit 4 provider; distest runs the same provider in
 * its workers, and adds no JUnit Platform.
 */
public class ProviderTest {
    @Test
    public void runsOnSurefiresJUnit4ProviderWithoutTheJUnitPlatform() throws Exception {
        assertEquals("surefire-junit4-3.5.4.jar", jarOf("org.apache.maven.surefire.junit4.JUnit4Provider"));
        assertEquals("the project's own JUnit 4", "junit-4.13.2.jar", jarOf("org.junit.Test"));
        try {
            Class.forName("org.junit.platform.launcher.Launcher", false, getClass().getClassLoader());
            fail("the JUnit Platform launcher is on the test class path; Surefire's JUnit 4 provider does not add it");
        } catch (ClassNotFoundException expected) {
            // as under Surefire
        }
    }

    private String jarOf(String className) throws ClassNotFoundException, URISyntaxException {
        Class<?> type = Class.forName(className, false, getClass().getClassLoader());
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).getFileName().toString();
    }
}
