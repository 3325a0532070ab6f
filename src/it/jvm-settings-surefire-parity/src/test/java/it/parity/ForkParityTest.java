package it.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.File;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Passes under plain Surefire (mvn verify) too: this is what a Surefire fork gets. */
class ForkParityTest {
    @Test
    void runsInTheConfiguredWorkingDirectoryWhichWasCreated() throws IOException {
        String expected = new File(System.getProperty("expected.workdir")).getCanonicalPath();
        assertEquals(expected, new File(".").getCanonicalPath(), "the JVM's current directory");
    }

    @Test
    void basedirIsTheModuleDirectory() throws IOException {
        String basedir = System.getProperty("basedir");
        assertNotNull(basedir, "system property basedir (Surefire sets it in every fork; tests find their files with it)");
        assertEquals(new File(System.getProperty("expected.basedir")).getCanonicalPath(), new File(basedir).getCanonicalPath());
    }
}
