package io.distest.maven.gateway;

import java.nio.file.Path;

/**
 * Surefire's {@code ${surefire.forkNumber}} (and its deprecated twin {@code ${surefire.threadNumber}}), which Surefire
 * replaces in each fork's {@code argLine}, system property values, environment variable values and
 * {@code workingDirectory}. distest replaces them with the worker's number: 1..N across the whole pool (every gateway
 * of the run), kept by a replacement worker, as Surefire reuses a finished fork's number.
 */
public final class ForkNumber {
    static final String FORK_NUMBER = "${surefire.forkNumber}";
    static final String THREAD_NUMBER = "${surefire.threadNumber}";

    private ForkNumber() {}

    /** The text with both placeholders replaced by {@code forkNumber}; {@code null} stays {@code null}. */
    public static String replaceIn(String text, int forkNumber) {
        if (text == null) {
            return null;
        }
        String number = String.valueOf(forkNumber);
        return text.replace(THREAD_NUMBER, number).replace(FORK_NUMBER, number);
    }

    /** The path with both placeholders replaced in its names. */
    public static Path replaceIn(Path path, int forkNumber) {
        String text = path.toString();
        String replaced = replaceIn(text, forkNumber);
        return replaced.equals(text) ? path : Path.of(replaced);
    }
}
