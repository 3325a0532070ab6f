package io.distest.maven.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distest.maven.hostile.AsNeighbour;
import io.distest.shared.FileStamp;
import io.distest.shared.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A kept hash decides which content the far side lays out without it being sent, so a forged one would run another
 * account's code: that account ({@code nobody}, through {@code runuser}) tries to read, forge and plant hashes, and to
 * make the cache its own. The cache lies in a directory every account can pass through, so that only distest's own
 * modes stand in its way.
 */
class HostileSyncHashesTest {
    private static final String FORGED = "0".repeat(64);

    private Path shared;
    private Path module;
    private Path jar;
    private final Path theirs = Path.of("/tmp", "distest-sync-hashes-theirs-" + System.nanoTime());

    @BeforeEach
    void sharedPlace() throws IOException {
        shared = AsNeighbour.placeOthersCanPassThrough("distest-sync-hashes-hostile");
        module = Files.createDirectories(shared.resolve("module"));
        Files.setPosixFilePermissions(module, PosixFilePermissions.fromString("rwxr-xr-x"));
        jar = Files.writeString(module.resolve("lib.jar"), "the real content");
        Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-r--r--"));
    }

    @AfterEach
    void cleanUp() throws Exception {
        AsNeighbour.run("rm", "-rf", theirs.toString());
        io.distest.maven.run.RunHarness.deleteTree(shared);
    }

    @Test
    void aNeighbourCanNeitherReadNorForgeNorPlantAKeptHash() throws Exception {
        Path cache = shared.resolve("distest").resolve("sync-hashes");
        SyncHashes first = SyncHashes.in(cache, module, Duration.ZERO);
        first.sha256(jar);
        first.save();
        Path file = cache.resolve(SyncHashes.fileName(module));
        String before = Files.readString(file);
        assertTrue(before.contains(jar.toString()), before);

        assertNotEquals(0, AsNeighbour.run("ls", cache.toString()).exit(), "lists the cache");
        assertNotEquals(0, AsNeighbour.run("cat", file.toString()).exit(), "reads the kept hashes");
        assertNotEquals(0, AsNeighbour.run("sh", "-c", "echo '" + forgedLine() + "' >> " + file).exit(), "appends a forged hash");
        assertNotEquals(0, AsNeighbour.run("sh", "-c", "echo x > " + cache.resolve("planted.tsv")).exit(), "plants a file");
        assertNotEquals(0, AsNeighbour.run("mv", shared.resolve("distest").toString(), shared.resolve("moved").toString()).exit(),
                "moves the cache away to put its own in its place");

        assertEquals(before, Files.readString(file));
        assertEquals(Sha256.hexOf(jar), SyncHashes.in(cache, module, Duration.ZERO).sha256(jar));
    }

    @Test
    void hashesTheNeighbourForgedInACacheItMadeAreNotUsed() throws Exception {
        Path forged = Files.writeString(shared.resolve("forged.tsv"), SyncHashes.HEADER + "\n" + forgedLine() + "\n");
        Files.setPosixFilePermissions(forged, PosixFilePermissions.fromString("rw-r--r--"));
        Path cache = theirs.resolve("distest/sync-hashes");
        assertEquals(0, AsNeighbour.run("mkdir", "-p", "-m", "0777", cache.toString()).exit());
        assertEquals(0, AsNeighbour.run("cp", forged.toString(), cache.resolve(SyncHashes.fileName(module)).toString()).exit());

        assertEquals(Sha256.hexOf(jar), SyncHashes.in(cache, module, Duration.ZERO).sha256(jar),
                "a hash from another account's directory, with the file's true stamp, is not taken");
    }

    /** A line that would make {@link #jar} pass for other content: its true stamp, a hash it does not have. */
    private String forgedLine() throws IOException {
        return FORGED + "\t" + FileStamp.of(jar).format() + "\t" + jar.toAbsolutePath().normalize();
    }
}
