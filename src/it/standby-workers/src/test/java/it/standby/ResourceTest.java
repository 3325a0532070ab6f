package it.standby;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResourceTest {
    @Test
    void readsATestResourceCopiedAfterItsJvmStarted() throws IOException {
        try (InputStream in = ResourceTest.class.getResourceAsStream("/standby.txt")) {
            assertNotNull(in, "standby.txt on the class path");
            assertEquals("copied by testResources", new String(in.readAllBytes(), StandardCharsets.UTF_8).trim());
        }
    }

    @Test
    void printsItsWorker() {
        System.out.println("Resource ran on " + System.getProperty("distest.worker"));
    }
}
