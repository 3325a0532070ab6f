package io.distest.maven.affected;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GlobalInputsTest {
    @TempDir
    Path dir;

    @Test
    void namesTheFirstInputThatChangedAppearedOrWentAway() {
        GlobalInputs before = AffectedTests.globalInputs().text("JDK", "17").text("argLine", "-ea").build();
        assertEquals(Optional.empty(), before.changeSince(before));
        assertEquals(Optional.of("argLine changed"),
                AffectedTests.globalInputs().text("JDK", "17").text("argLine", "").build().changeSince(before));
        assertEquals(Optional.of("distest is new"), AffectedTests.globalInputs().text("JDK", "17").text("argLine", "-ea")
                .text("distest", "1").build().changeSince(before));
        assertEquals(Optional.of("argLine is gone"),
                AffectedTests.globalInputs().text("JDK", "17").build().changeSince(before));
    }

    @Test
    void aJarCountsByItsEntriesNotItsTimeStamps() throws IOException {
        Path a = jar("a/lib.jar", "x", 1_000);
        Path b = jar("b/lib.jar", "x", 9_000_000);
        Path c = jar("c/lib.jar", "y", 1_000);
        GlobalInputs first = AffectedTests.globalInputs().classpath(List.of(a)).build();
        assertEquals(first, AffectedTests.globalInputs().classpath(List.of(b)).build());
        assertEquals(Optional.of("jar lib.jar changed"),
                AffectedTests.globalInputs().classpath(List.of(c)).build().changeSince(first));
    }

    @Test
    void theClassPathOrderCounts() throws IOException {
        Path a = jar("a.jar", "x", 1);
        Path b = jar("b.jar", "y", 1);
        assertNotEquals(AffectedTests.globalInputs().classpath(List.of(a, b)).build(),
                AffectedTests.globalInputs().classpath(List.of(b, a)).build());
    }

    private Path jar(String name, String content, long time) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            ZipEntry entry = new ZipEntry("p/C.class");
            entry.setLastModifiedTime(FileTime.fromMillis(time));
            zip.putNextEntry(entry);
            zip.write(content.getBytes());
            zip.closeEntry();
        }
        return file;
    }
}
