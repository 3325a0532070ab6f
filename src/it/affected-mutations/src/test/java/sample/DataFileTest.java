package sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Reads a file of the module directly, not through the class path. */
class DataFileTest {
    @Test
    void theDataFileHoldsTheAnswer() throws Exception {
        assertEquals("42", Files.readString(Path.of("src/test/data/expected.txt")).trim());
    }
}
