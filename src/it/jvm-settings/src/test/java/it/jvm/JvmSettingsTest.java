package it.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class JvmSettingsTest {
    @Test
    void argLineReachesTheJvm() {
        assertEquals("yes", System.getProperty("from.argline"), "-Dfrom.argline=yes from <argLine>");
        assertTrue(ManagementFactory.getRuntimeMXBean().getInputArguments().contains("-Xmx192m"),
                "-Xmx192m from <argLine> is not among the JVM's arguments: " + ManagementFactory.getRuntimeMXBean().getInputArguments());
    }

    @Test
    void systemPropertyVariablesAreSet() {
        assertEquals("yes", System.getProperty("from.sysprops"), "<systemPropertyVariables>");
    }

    @Test
    void environmentVariablesAreSet() {
        assertEquals("yes", System.getenv("FROM_ENV"), "<environmentVariables>");
    }

    @Test
    void workingDirectoryIsTheConfiguredOne() throws IOException {
        String expected = new File(System.getProperty("expected.workdir")).getCanonicalPath();
        assertEquals(expected, new File(".").getCanonicalPath(), "the JVM's current directory (<workingDirectory>)");
        assertEquals(expected, new File(System.getProperty("user.dir")).getCanonicalPath(), "user.dir (<workingDirectory>)");
        assertEquals("found relative to the working directory", Files.readString(Path.of("marker.txt")).trim());
    }

    @Test
    void testAndMainClassesAreOnTheSystemClassPath() {
        assertSame(ClassLoader.getSystemClassLoader(), getClass().getClassLoader(), "test class loader");
        assertSame(ClassLoader.getSystemClassLoader(), Marker.class.getClassLoader(), "main class loader");
        assertEquals("main classes visible", Marker.name());
    }

    @Test
    void workerIdAndNumberAreSet() {
        String worker = System.getProperty("distest.worker");
        String number = System.getProperty("distest.worker.number");
        assertTrue(worker != null && worker.matches("gw[01]"), "distest.worker is " + worker);
        assertEquals(worker.substring(2), number, "distest.worker.number should match " + worker);
    }
}
