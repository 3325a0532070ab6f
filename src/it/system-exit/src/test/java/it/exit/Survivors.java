package it.exit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Makes the run need the replacement worker: a surviving class waits (bounded) until survivor classes have started
 * in two different JVMs. AExitingTest is the first class handed out, so the JVM it kills never runs a survivor;
 * the two JVMs are therefore the other original worker and the replacement of the dead one.
 */
final class Survivors {
    private static final Path DIR = Path.of("target", "survivors");

    private Survivors() {}

    static void awaitReplacement() {
        try {
            Files.createDirectories(DIR);
            Files.writeString(DIR.resolve("survivor-" + ProcessHandle.current().pid()), "");
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (survivorJvms() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long survivorJvms() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(f -> f.getFileName().toString().startsWith("survivor-")).count();
        }
    }
}
