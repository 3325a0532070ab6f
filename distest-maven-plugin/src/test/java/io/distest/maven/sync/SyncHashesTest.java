package io.distest.maven.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distest.shared.Sha256;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncHashesTest {
    /** A hash the file never had: seen only if the memory was used instead of reading the file. */
    private static final String KEPT = "0".repeat(64);

    @TempDir
    Path cache;
    @TempDir
    Path project;

    @Test
    void anUnchangedFileIsNotReadAgainTheKeptHashStandsForIt() throws Exception {
        Path jar = write("lib.jar", "first content");
        Path memory = hashedOnce(jar);

        keepInstead(memory, Sha256.hexOf(jar), KEPT);

        assertEquals(KEPT, SyncHashes.at(memory, Duration.ZERO).sha256(jar));
    }

    @Test
    void aFileRewrittenWithTheSameSizeAndReDatedIsHashedAgain() throws Exception {
        Path source = write("Foo.java", "class Foo {}");
        Path memory = hashedOnce(source);
        keepInstead(memory, Sha256.hexOf(source), KEPT);
        FileTime modified = Files.getLastModifiedTime(source);
        Thread.sleep(50); // a later change time than the kept one, whatever the file system's clock tick

        Files.writeString(source, "class Bar {}");
        Files.setLastModifiedTime(source, modified);

        assertEquals(Sha256.hexOf(source), SyncHashes.at(memory, Duration.ZERO).sha256(source));
    }

    @Test
    void aFileTouchedJustBeforeItsHashingIsHashedAgainNextTime() throws Exception {
        Path source = write("Foo.java", "class Foo {}");
        Path memory = cache.resolve("module.tsv");
        SyncHashes first = SyncHashes.at(memory, Duration.ofMinutes(1));
        first.sha256(source);
        first.save();

        assertFalse(Files.exists(memory) && Files.readString(memory).contains(source.toString()),
                "a file written a moment ago could be written again within the same clock tick");
    }

    @Test
    void aMemoryOtherAccountsCanWriteIsNotTrusted() throws Exception {
        Path jar = write("lib.jar", "content");
        Path memory = hashedOnce(jar);
        keepInstead(memory, Sha256.hexOf(jar), KEPT);

        Files.setPosixFilePermissions(memory, PosixFilePermissions.fromString("rw-rw-rw-"));

        assertEquals(Sha256.hexOf(jar), SyncHashes.at(memory, Duration.ZERO).sha256(jar));
    }

    @Test
    void aFileNoLongerSyncedIsForgottenAtTheNextSave() throws Exception {
        Path kept = write("a.jar", "a");
        Path dropped = write("b.jar", "b");
        Path memory = cache.resolve("module.tsv");
        SyncHashes first = SyncHashes.at(memory, Duration.ZERO);
        first.sha256(kept);
        first.sha256(dropped);
        first.save();

        SyncHashes second = SyncHashes.at(memory, Duration.ZERO);
        second.sha256(kept);
        second.save();

        String text = Files.readString(memory);
        assertTrue(text.contains(kept.toString()), text);
        assertFalse(text.contains(dropped.toString()), text);
    }

    @Test
    void aModuleNoBuildSyncedForAMonthIsForgottenWhenAnotherSaves() throws Exception {
        Path old = Files.writeString(cache.resolve(SyncHashes.fileName(project.resolve("gone"))), SyncHashes.HEADER + "\n");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofDays(31))));
        Path recent = Files.writeString(cache.resolve(SyncHashes.fileName(project.resolve("other"))), SyncHashes.HEADER + "\n");

        hashedOnce(write("lib.jar", "content"));

        assertFalse(Files.exists(old), "unwritten for 31 days");
        assertTrue(Files.exists(recent));
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(project.resolve(name), content);
    }

    /** The memory after one sync hashed {@code file}. */
    private Path hashedOnce(Path file) throws Exception {
        Path memory = cache.resolve("module.tsv");
        SyncHashes hashes = SyncHashes.at(memory, Duration.ZERO);
        hashes.sha256(file);
        hashes.save();
        assertTrue(Files.readString(memory).contains(file.toString()), "the hash was kept");
        return memory;
    }

    private static void keepInstead(Path memory, String real, String other) throws Exception {
        Files.writeString(memory, Files.readString(memory).replace(real, other));
    }
}
