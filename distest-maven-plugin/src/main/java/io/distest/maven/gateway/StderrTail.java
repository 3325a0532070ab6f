package io.distest.maven.gateway;

import io.distest.shared.Threads;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/** Drains a command's standard error on a daemon thread, keeping its last lines for messages. */
public final class StderrTail {
    private static final int LINES = 40;

    private final ArrayDeque<String> lines = new ArrayDeque<>();
    private final Thread thread;

    /** @param each told every line as it comes (for the debug log) */
    public StderrTail(InputStream stderr, String name, Consumer<String> each) {
        thread = Threads.start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stderr, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    each.accept(line);
                    synchronized (lines) {
                        if (lines.size() == LINES) {
                            lines.removeFirst();
                        }
                        lines.addLast(line);
                    }
                }
            } catch (IOException ignored) {
                // the stream ended with the command
            }
        }, "distest-stderr-" + name);
    }

    /** The kept lines, after waiting up to {@code millis} for the stream to end (so the last words are in). */
    public String text(long millis) {
        try {
            thread.join(Math.max(1, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }
}
