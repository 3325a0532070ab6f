package it.txs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Lets the first classes wait (bounded) until {@code count} distinct workers have started one, so every worker gets
 * a class however unevenly the JVMs start. Never fails by itself; verify.groovy checks who ran what.
 */
final class Rendezvous {
    private Rendezvous() {}

    static void await(int count) {
        Path dir = Path.of("target", "rendezvous-" + System.getProperty("rendezvous.round", "0"));
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(String.valueOf(System.getProperty("distest.worker"))), "here");
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (arrived(dir) < count && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long arrived(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }
}
