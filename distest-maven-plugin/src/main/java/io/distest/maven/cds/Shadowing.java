package io.distest.maven.cds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Whether jars that are to come first on the class path hold a file of the same name as the entries they are put
 * before (the project's directories, its other modules' jars). Only then does moving them change what a test sees
 * ({@code getResource}, a class, the order {@code getResources} or a {@code ServiceLoader} lists them in); without
 * one, every name resolves as before.
 */
final class Shadowing {
    private Shadowing() {}

    /** A name both hold (such as {@code application.properties}), or {@code null} when there is none. */
    static String sharedName(List<Path> overtaken, List<Path> moved) throws IOException {
        Set<String> names = new HashSet<>();
        for (Path entry : overtaken) {
            if (Files.isDirectory(entry)) {
                try (Stream<Path> files = Files.walk(entry)) {
                    files.filter(Files::isRegularFile)
                            .forEach(file -> names.add(entry.relativize(file).toString().replace('\\', '/')));
                }
            } else if (Files.isRegularFile(entry)) {
                names.addAll(namesIn(entry));
            }
        }
        names.remove("META-INF/MANIFEST.MF");
        if (names.isEmpty()) {
            return null;
        }
        for (Path jar : moved) {
            for (String name : namesIn(jar)) {
                if (names.contains(name)) {
                    return name + " (in " + jar.getFileName() + ")";
                }
            }
        }
        return null;
    }

    private static List<String> namesIn(Path jar) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                if (!entry.isDirectory()) {
                    names.add(entry.getName());
                }
            }
        }
        return names;
    }
}
