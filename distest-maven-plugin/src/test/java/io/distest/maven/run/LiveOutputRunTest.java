package io.distest.maven.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distest.testing.Poll;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A test's output reaches the build's console while the test runs, and still lands in its report. */
class LiveOutputRunTest {
    @TempDir
    Path temp;

    @Test
    void aTestsOutputIsOnTheConsoleBeforeTheTestEndsAndInItsReport() throws Exception {
        Path flag = temp.resolve("console-showed-it");
        RunHarness harness = new RunHarness(temp);
        harness.systemProperties = Map.of("distest.fixture.consoleFlag", flag.toString());
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(new Tee(original, console), true, StandardCharsets.UTF_8));
        RunSummary summary;
        try {
            // the fixture ends only once the console has shown its line: printed at the class's end, it never would
            CompletableFuture<Void> watcher = CompletableFuture.runAsync(() -> {
                try {
                    Poll.until(Duration.ofSeconds(90), () -> shown(console), () -> "no live line");
                    Files.createFile(flag);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            summary = harness.run(List.of("popen"), "PrintsThenWaitsFixture");
            watcher.join();
        } finally {
            System.setOut(original);
        }
        assertEquals(1, summary.tests());
        assertEquals(0, summary.failures() + summary.errors(), harness.log.text());
        String line = console.toString(StandardCharsets.UTF_8).lines()
                .filter(l -> l.contains("live line from a running test")).findFirst().orElseThrow();
        assertTrue(line.startsWith("[gw0] "), "the line names its worker: " + line);
        assertTrue(harness.report("PrintsThenWaitsFixture").contains("live line from a running test"),
                "the output is in the report too");
    }

    private static boolean shown(ByteArrayOutputStream console) {
        synchronized (console) {
            return console.toString(StandardCharsets.UTF_8).contains("live line from a running test");
        }
    }

    /** Writes to the real console and keeps a copy. */
    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final ByteArrayOutputStream copy;

        Tee(OutputStream first, ByteArrayOutputStream copy) {
            this.first = first;
            this.copy = copy;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            synchronized (copy) {
                copy.write(bytes, offset, length);
            }
            try {
                first.write(bytes, offset, length);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
