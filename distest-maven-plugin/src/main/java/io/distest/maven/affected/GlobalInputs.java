package io.distest.maven.affected;

import io.distest.shared.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What every test class depends on at once, by name and short hash: the test class path's jars (by content), the
 * JDK, the JVM settings and environment the tests get, the build files, distest itself. When any of them differs
 * from the last run, every class runs.
 */
record GlobalInputs(SortedMap<String, String> hashes) {
    GlobalInputs {
        hashes = Collections.unmodifiableSortedMap(new TreeMap<>(hashes));
    }

    /** What changed since {@code before}, named for a log line; empty when nothing did. */
    Optional<String> changeSince(GlobalInputs before) {
        for (Map.Entry<String, String> entry : hashes.entrySet()) {
            String old = before.hashes.get(entry.getKey());
            if (old == null) {
                return Optional.of(entry.getKey() + " is new");
            }
            if (!old.equals(entry.getValue())) {
                return Optional.of(entry.getKey() + " changed");
            }
        }
        return before.hashes.keySet().stream().filter(key -> !hashes.containsKey(key)).findFirst()
                .map(key -> key + " is gone");
    }

    /** Collects the inputs; each name once. */
    static final class Builder {
        private final SortedMap<String, String> hashes = new TreeMap<>();

        /** A value given as text (settings, versions): its hash. */
        Builder text(String name, String value) {
            MessageDigest digest = Sha256.digest();
            digest.update(value.getBytes(StandardCharsets.UTF_8));
            return put(name, ContentHashes.shortHex(digest));
        }

        /** A file's content (a POM); a missing one hashes as absent. */
        Builder file(String name, Path file) throws IOException {
            if (!Files.isRegularFile(file)) {
                return put(name, ContentHashes.ABSENT);
            }
            MessageDigest digest = Sha256.digest();
            digest.update(Files.readAllBytes(file));
            return put(name, ContentHashes.shortHex(digest));
        }

        /**
         * The class path: its jars by content, in order (a jar's time stamps do not count, so a jar rebuilt from the
         * same classes is the same), and which directories it has where.
         */
        Builder classpath(List<Path> entries) throws IOException {
            List<String> order = new ArrayList<>();
            for (Path entry : entries) {
                String name = entry.getFileName() == null ? entry.toString() : entry.getFileName().toString();
                if (Files.isDirectory(entry)) {
                    order.add("dir " + name);
                } else {
                    order.add(name);
                    put("jar " + name, jar(entry));
                }
            }
            return text("class path order", String.join("\n", order));
        }

        private Builder put(String name, String hash) {
            if (hashes.putIfAbsent(name, hash) != null) {
                hashes.put(name + " #" + hashes.size(), hash); // the same jar name twice: both count
            }
            return this;
        }

        GlobalInputs build() {
            return new GlobalInputs(hashes);
        }

        /** A zip's entries by name, size and CRC (the central directory alone: quick, and blind to time stamps). */
        private static String jar(Path file) throws IOException {
            if (!Files.isRegularFile(file)) {
                return ContentHashes.ABSENT;
            }
            MessageDigest digest = Sha256.digest();
            try (ZipFile zip = new ZipFile(file.toFile())) {
                List<? extends ZipEntry> entries = Collections.list(zip.entries());
                entries.sort(java.util.Comparator.comparing(ZipEntry::getName));
                for (ZipEntry entry : entries) {
                    digest.update((entry.getName() + "\0" + entry.getSize() + "\0" + entry.getCrc() + "\n")
                            .getBytes(StandardCharsets.UTF_8));
                }
            } catch (java.util.zip.ZipException notAZip) {
                try (InputStream in = Files.newInputStream(file)) {
                    return Sha256.hexOf(in).substring(0, 16);
                }
            }
            return ContentHashes.shortHex(digest);
        }
    }
}
