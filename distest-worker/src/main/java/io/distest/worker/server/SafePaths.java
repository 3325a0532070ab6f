package io.distest.worker.server;

import io.distest.shared.PrivateFiles;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;

/**
 * Paths sent by a client are relative and must stay inside the directory they are resolved against; inside a
 * session, nothing follows a symbolic link.
 */
final class SafePaths {
    private SafePaths() {}

    /**
     * @throws IllegalArgumentException naming the path, if it is absolute, empty, {@code .}, has {@code ..} or other
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
        for (String segment : relative.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("path \"" + relative + "\" has a \"" + segment
                        + "\" segment; only plain relative paths to files inside the session are accepted");
            }
        }
        Path normalizedRoot = root.toAbsolutePath().normalize();
        Path resolved = normalizedRoot.resolve(relative).normalize();
        if (!resolved.startsWith(normalizedRoot) || resolved.equals(normalizedRoot)) {
            throw new IllegalArgumentException("path \"" + relative + "\" leads outside " + normalizedRoot);
        }
        return resolved;
    }

    /**
     * Creates {@code directory} (inside {@code base}) and its missing parents {@code 0700}, refusing to pass through
     * a symbolic link or a file on the way.
     */
    static Path createDirectories(Path base, Path directory) throws IOException {
        Path current = base.toAbsolutePath().normalize();
        Path target = directory.toAbsolutePath().normalize();
        if (!target.startsWith(current)) {
            throw new IOException(target + " is outside " + current);
        }
        for (Path name : current.relativize(target)) {
            if (name.toString().isEmpty()) {
                continue;
            }
            current = current.resolve(name);
            try {
                Files.createDirectory(current, PrivateFiles.mode(PrivateFiles.DIRECTORY));
            } catch (FileAlreadyExistsException e) {
                if (Files.isSymbolicLink(current)) {
                    throw new IOException(current + " is a symbolic link; nothing in a session follows links");
                }
                if (!Files.isDirectory(current, LinkOption.NOFOLLOW_LINKS)) {
                    throw new IOException(current + " exists and is not a directory");
                }
            }
        }
        return target;
    }

    /** Deletes a tree; links inside it are removed, never followed. */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException e) throws IOException {
                if (e != null && !(e instanceof NoSuchFileException)) {
                    throw e;
                }
                Files.deleteIfExists(directory);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * Deletes the files and links under {@code root}, except those under {@code kept} and the {@code unchanged} ones
     * (absolute, normalized); the directories stay. Links are removed, never followed.
     */
    static void deleteFiles(Path root, Path kept, Set<Path> unchanged) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) {
                return directory.equals(kept) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (!unchanged.contains(file.toAbsolutePath().normalize())) {
                    Files.deleteIfExists(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
