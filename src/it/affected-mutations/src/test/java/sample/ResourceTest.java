package sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResourceTest {
    @Test
    void readsTheGreetingFile() throws Exception {
        try (InputStream in = ResourceTest.class.getResourceAsStream("/greeting.txt")) {
            assertEquals("good morning", new String(in.readAllBytes(), StandardCharsets.UTF_8).trim());
        }
    }
}
