package it.standby;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import org.junit.jupiter.api.Test;

class CompiledLaterTest {
    @Test
    void findsTheMainClassesCompiledAfterItsJvmStarted() {
        assertEquals("hello, standby", Greeting.to("standby"));
    }

    @Test
    void seesTheClassPathAsSurefireGivesIt() {
        String first = System.getProperty("java.class.path").split(File.pathSeparator)[0];
        assertTrue(first.endsWith("test-classes"), first);
    }

    @Test
    void printsItsWorker() {
        System.out.println("CompiledLater ran on " + System.getProperty("distest.worker") + " changed="
                + System.getProperty("standby.changed"));
    }
}
