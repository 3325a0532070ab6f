package io.distest.maven.affected;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentHashesTest {
    @TempDir
    Path dir;

    @Test
    void aNameFoundNowhereIsAbsentAndSoIsOneThatLeavesTheDirectory() throws IOException {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Files.writeString(dir.resolve("secret.txt"), "s");
        ContentHashes hashes = new ContentHashes(List.of(classes), dir);
        assertEquals(ContentHashes.ABSENT, hashes.of(resource("nothing.txt")));
        assertEquals(ContentHashes.ABSENT, hashes.of(resource("../secret.txt")));
    }

    @Test
    void aDirectoryLookedUpCoversEverythingBelowIt() throws IOException {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        write(classes, "com/acme/A.class", "a");
        String before = new ContentHashes(List.of(classes), dir).of(resource("com/acme"));
        write(classes, "com/acme/deep/B.class", "b");
        assertNotEquals(before, new ContentHashes(List.of(classes), dir).of(resource("com/acme")));
    }

    @Test
    void everyMatchOnTheClassPathCounts() throws IOException {
        Path main = Files.createDirectories(dir.resolve("classes"));
        Path test = Files.createDirectories(dir.resolve("test-classes"));
        write(main, "app.properties", "main");
        write(test, "app.properties", "test");
        String both = new ContentHashes(List.of(test, main), dir).of(resource("app.properties"));
        write(main, "app.properties", "main 2");
        assertNotEquals(both, new ContentHashes(List.of(test, main), dir).of(resource("app.properties")));
    }

    @Test
    void everyResourceMeansEveryFileButClassFiles() throws IOException {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        write(classes, "a/A.class", "a");
        write(classes, "a/x.txt", "x");
        Dependency every = resource("*");
        String before = new ContentHashes(List.of(classes), dir).of(every);
        write(classes, "a/A.class", "a2");
        assertEquals(before, new ContentHashes(List.of(classes), dir).of(every));
        write(classes, "a/x.txt", "x2");
        assertNotEquals(before, new ContentHashes(List.of(classes), dir).of(every));
    }

    @Test
    void aClassIsFoundByItsBinaryName() throws IOException {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        write(classes, "a/B$1.class", "anonymous");
        assertNotEquals(ContentHashes.ABSENT,
                new ContentHashes(List.of(classes), dir).of(new Dependency(Dependency.Kind.CLASS, "a/B$1")));
    }

    private static Dependency resource(String name) {
        return new Dependency(Dependency.Kind.RESOURCE, name);
    }

    private static void write(Path root, String name, String content) throws IOException {
        Path file = root.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
