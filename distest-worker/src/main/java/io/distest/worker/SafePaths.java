package io.distest.worker;

import java.nio.file.Path;

/** Paths sent by a client are relative and must stay inside the directory they are resolved against. */
final class SafePaths {
    private SafePaths() {}

    /**
     * @throws IllegalArgumentException naming the path, if it is absolute, empty, has {@code ..} or other
     *     odd segments, or would otherwise land outside {@code root}
     */
    static Path resolve(Path root, String relative) {
        if (relative == null || relative.isEmpty()) {
            throw new IllegalArgumentException("empty path");
        }
        if (relative.indexOf('\0') >= 0 || relative.indexOf('\\') >= 0) {
            throw new IllegalArgumentException("path \"" + relative + "\" holds a NUL or a backslash");
        }
        if (relative.startsWith("/") || Path.of(relative).isAbsolute()) {
            throw new IllegalArgumentException("path \"" + relative + "\" is absolute; only paths inside the session are accepted");
        }
        if (!relative.equals(".")) {
            for (String segment : relative.split("/", -1)) {
                if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                    throw new IllegalArgumentException("path \"" + relative + "\" has a \"" + segment
                            + "\" segment; only plain relative paths inside the session are accepted");
                }
            }
        }
        Path normalizedRoot = root.toAbsolutePath().normalize();
        Path resolved = normalizedRoot.resolve(relative).normalize();
        if (!resolved.startsWith(normalizedRoot)) {
            throw new IllegalArgumentException("path \"" + relative + "\" leads outside " + normalizedRoot);
        }
        return resolved;
    }
}
