package io.distest.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reads src/test/resources/sample.txt through a path relative to the working directory, as many
 * real test suites do: it passes only when tests run in the module's base directory.
 */
class WordCounterTest {

    private static final Path SAMPLE = Path.of("src/test/resources/sample.txt");

    private final WordCounter counter = new WordCounter();

    @Test
    void sampleFileIsFoundRelativeToTheWorkingDirectory() {
        assertTrue(Files.isRegularFile(SAMPLE),
                "expected " + SAMPLE.toAbsolutePath() + " (working directory " + Path.of("").toAbsolutePath() + ")");
    }

    @Test
    void countsTheWordsOfTheSampleFile() throws IOException, InterruptedException {
        Thread.sleep(300);
        assertEquals(16, counter.countWords(Files.readString(SAMPLE)));
    }

    @Test
    void countsFrequenciesCaseInsensitively() throws IOException {
        Map<String, Integer> frequencies = counter.frequencies(Files.readString(SAMPLE));
        assertEquals(4, frequencies.get("the"));
        assertEquals(2, frequencies.get("fox"));
        assertEquals(2, frequencies.get("dog"));
    }

    @Test
    void keepsApostrophesInsideWords() {
        assertEquals(Map.of("don't", 1, "panic", 1), counter.frequencies("Don't panic!"));
    }

    @Test
    void emptyTextHasNoWords() {
        assertEquals(0, counter.countWords("  \n\t "));
    }
}
