package io.distest.sample;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Shows where a test ran: under distest each worker JVM has the system property {@code distest.worker}. */
class WorkerEnvironmentTest {

    @Test
    void printsTheWorkerItRunsOn() throws InterruptedException {
        Thread.sleep(300);
        // null under plain Surefire; the gateway id (gw0, gw1, ...) under distest.
        System.out.println("distest.worker = " + System.getProperty("distest.worker"));
    }

    @Test
    void runsInTheModuleBaseDirectory() throws InterruptedException {
        Thread.sleep(300);
        assertTrue(Files.isRegularFile(Path.of("pom.xml")),
                "working directory " + Path.of("").toAbsolutePath() + " has no pom.xml");
    }
}
