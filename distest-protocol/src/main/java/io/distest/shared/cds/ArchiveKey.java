package io.distest.shared.cds;

import io.distest.shared.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;

/**
 * What an archive is valid for, as a name: the JVM (its {@code release} file and its {@code libjvm}), each jar the
 * archive's classes came from, in order (path, size and time stamp, as the JVM checks them itself when it maps
 * the archive; the worker jar's copy is named by its content) and the JVM options that change an archive's layout
 * (heap size, {@code -XX:} flags). Anything else changed, a new name, a new archive: an archive is never used
 * across a changed jar or JVM.
 */
final class ArchiveKey {
    private ArchiveKey() {}

    static String of(Path javaHome, List<Path> archivedJars, List<String> layoutOptions) throws IOException {
        MessageDigest digest = Sha256.digest();
        line(digest, "distest class data sharing 2");
        line(digest, javaHome.toString());
        for (Path file : List.of(javaHome.resolve("release"), javaHome.resolve("lib/server/libjvm.so"),
                javaHome.resolve("lib/server/jvm.dll"), javaHome.resolve("lib/server/libjvm.dylib"))) {
            if (Files.isRegularFile(file)) {
                line(digest, file + " " + Files.size(file) + " " + Files.getLastModifiedTime(file).toMillis());
            }
        }
        for (Path jar : archivedJars) {
            line(digest, jar + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis());
        }
        layoutOptions.forEach(option -> line(digest, option));
        return Sha256.hex(digest).substring(0, 32);
    }

    private static void line(MessageDigest digest, String text) {
        digest.update((text + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
