package it.exit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AExitingTest {
    @Test
    @Order(1)
    void passesBeforeTheExit() {
        assertEquals(2, 1 + 1);
    }

    @Test
    @Order(2)
    void exitsTheJvm() throws IOException {
        System.out.println("about to exit on " + System.getProperty("distest.worker"));
        // Straight to the process's stderr, past any per-test capture: what a crash report should quote.
        FileOutputStream stderr = new FileOutputStream(FileDescriptor.err);
        stderr.write("last words of the dying worker\n".getBytes(StandardCharsets.UTF_8));
        stderr.flush();
        System.exit(3);
    }

    @Test
    @Order(3)
    void runsOnAnotherWorkerAfterTheCrash() {
        // the tests of a class that had not started when its worker died are rescheduled to another worker
    }
}
