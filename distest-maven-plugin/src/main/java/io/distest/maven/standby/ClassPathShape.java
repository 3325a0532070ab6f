package io.distest.maven.standby;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * What a JVM saw of its class path when it started: which entries were directories (their files are looked up as
 * they are asked for), which were files of what size and time stamp, which were missing. A standby worker is taken
 * over only if its class path still looks so when its run comes: a jar that changed or appeared meanwhile may have
 * been opened, or missed, before the project's build was done with it.
 */
record ClassPathShape(List<Entry> entries) {
    enum Kind { DIRECTORY, FILE, MISSING }

    record Entry(String path, Kind kind, long size, long modifiedMillis) {}

    static ClassPathShape of(List<String> classpath) {
        return new ClassPathShape(classpath.stream().map(ClassPathShape::entry).toList());
    }

    private static Entry entry(String path) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(Path.of(path), BasicFileAttributes.class);
            return attributes.isDirectory() ? new Entry(path, Kind.DIRECTORY, 0, 0)
                    : new Entry(path, Kind.FILE, attributes.size(), attributes.lastModifiedTime().toMillis());
        } catch (IOException e) {
            return new Entry(path, Kind.MISSING, 0, 0);
        }
    }
}
