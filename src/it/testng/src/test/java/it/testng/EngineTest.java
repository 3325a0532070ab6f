package it.testng;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Collections;
import org.testng.annotations.Test;

/** The project has only org.testng:testng: as under Surefire, its TestNG provider runs the tests, no JUnit Platform. */
public class EngineTest {
    @Test
    public void runsOnSurefiresTestNGProvider() throws Exception {
        assertEquals(copies("org/apache/maven/surefire/testng/TestNGProvider.class"), 1, "copies of the TestNG provider");
        assertEquals(jarOf("org.apache.maven.surefire.testng.TestNGProvider"), "surefire-testng-3.5.4.jar");
        assertEquals(copies("org/junit/support/testng/engine/TestNGTestEngine.class"), 0, "copies of the TestNG engine");
        assertEquals(copies("org/junit/platform/launcher/Launcher.class"), 0, "copies of the launcher");
        assertEquals(jarOf("org.testng.TestNG"), "testng-7.10.2.jar", "the project's own TestNG");
        boolean called = java.util.Arrays.stream(new Throwable().getStackTrace())
                .anyMatch(frame -> frame.getClassName().equals("org.apache.maven.surefire.testng.TestNGExecutor"));
        assertTrue(called, "called by Surefire's TestNGExecutor");
    }

    @Test
    public void seesItsWorker() {
        String worker = System.getProperty("distest.worker");
        assertTrue(worker != null && worker.matches("gw[01]"), "distest.worker is " + worker);
    }

    private String jarOf(String className) throws ClassNotFoundException, URISyntaxException {
        Class<?> type = Class.forName(className, false, getClass().getClassLoader());
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).getFileName().toString();
    }

    private int copies(String resource) throws IOException {
        return Collections.list(getClass().getClassLoader().getResources(resource)).size();
    }
}
