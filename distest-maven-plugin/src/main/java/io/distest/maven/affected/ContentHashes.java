package io.distest.maven.affected;

import io.distest.protocol.UnitUsed;
import io.distest.shared.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * What a class or resource of the project holds now, as a short hash: looked up in the class path's directories
 * (the module's and its reactor's compiled classes and resources; a jar counts as a whole among the global inputs).
 * Every match counts, in class path order; a directory's hash covers everything below it (a package scanned for
 * components); a name found nowhere hashes as {@value #ABSENT}, so that adding it later is a change. A file is
 * looked up below the module directory.
 */
final class ContentHashes {
    static final String ABSENT = "-";
    /** Below the module directory, never what every file means: build output, records, version control. */
    private static final List<String> NOT_SOURCES = List.of("target", ".distest", ".git");
    private final List<Path> directories;
    private final Path module;
    private final Map<String, String> known = new ConcurrentHashMap<>();

    ContentHashes(List<Path> classpath, Path module) {
        this.directories = classpath.stream().filter(Files::isDirectory).toList();
        this.module = module.toAbsolutePath().normalize();
    }

    /** A dependency's current hash; its key is {@link Dependency#key}. */
    String of(Dependency dependency) {
        return known.computeIfAbsent(dependency.key(), key -> compute(dependency));
    }

    private String compute(Dependency dependency) {
        boolean everything = dependency.name().equals(UnitUsed.EVERYTHING);
        if (dependency.kind() == Dependency.Kind.RESOURCE && everything) {
            return everyResource();
        }
        if (dependency.kind() == Dependency.Kind.FILE && everything) {
            MessageDigest digest = Sha256.digest();
            digestTree(digest, module, path -> !NOT_SOURCES.contains(module.relativize(path).getName(0).toString()));
            return shortHex(digest);
        }
        String relative = dependency.kind() == Dependency.Kind.CLASS ? dependency.name() + ".class" : dependency.name();
        MessageDigest digest = Sha256.digest();
        boolean found = false;
        for (Path directory : dependency.kind() == Dependency.Kind.FILE ? List.of(module) : directories) {
            Path file = safeResolve(directory, relative);
            if (file != null && Files.exists(file)) {
                found = true;
                digestTree(digest, file);
            }
        }
        return found ? shortHex(digest) : ABSENT;
    }

    /** Every file but class files, in every directory: what a unit depends on when its lookups were not watched. */
    private String everyResource() {
        MessageDigest digest = Sha256.digest();
        for (Path directory : directories) {
            digestTree(digest, directory, path -> !path.toString().endsWith(".class"));
        }
        return shortHex(digest);
    }

    private static void digestTree(MessageDigest digest, Path root) {
        digestTree(digest, root, path -> true);
    }

    private static void digestTree(MessageDigest digest, Path root, java.util.function.Predicate<Path> counted) {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).filter(counted).sorted().toList()) {
                digest.update(root.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + root + ": " + e.getMessage(), e);
        }
    }

    /** {@code null} for a name that would leave the directory ({@code ..}, absolute): it is not a class path name. */
    private static Path safeResolve(Path directory, String relative) {
        Path resolved = directory.resolve(relative).normalize();
        return resolved.startsWith(directory.normalize()) ? resolved : null;
    }

    /** 16 hex digits: 64 bits tell a changed file from an unchanged one. */
    static String shortHex(MessageDigest digest) {
        return Sha256.hex(digest).substring(0, 16);
    }
}
