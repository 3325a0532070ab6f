package io.distest.maven.gateway.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LingerMemoryTest {
    private static final Instant RELEASED = Instant.parse("2026-12-07T10:00:00Z");
    private static final Duration LINGER = Duration.ofSeconds(300);

    @TempDir
    Path cache;

    @Test
    void aServerIsRecalledForItsAccountRootJarAndJavaUntilItsLingerTimeHasPassed() throws Exception {
        LingerMemory memory = memory();
        memory.remember("ci@build7 .cache/distest abc java", new LingerMemory.Server(40123, "the-token"), RELEASED);

        assertEquals(Optional.of(new LingerMemory.Server(40123, "the-token")),
                memory.recall("ci@build7 .cache/distest abc java", LINGER, RELEASED.plusSeconds(299)));
        assertEquals(Optional.empty(), memory.recall("ci@build7 .cache/distest abc java", LINGER,
                RELEASED.plusSeconds(301)), "it has ended by then");
        assertEquals(Optional.empty(), memory.recall("ci@build7 .cache/distest abc /opt/jdk21/bin/java", LINGER,
                RELEASED), "another java's server is another server");
    }

    @Test
    void aForgottenServerIsNotRecalled() throws Exception {
        LingerMemory memory = memory();
        memory.remember("key", new LingerMemory.Server(40123, "the-token"), RELEASED);

        memory.forget("key");

        assertEquals(Optional.empty(), memory.recall("key", LINGER, RELEASED));
    }

    @Test
    void aFileGroupOrOthersCanReadIsNotRecalled() throws Exception {
        LingerMemory memory = memory();
        memory.remember("key", new LingerMemory.Server(40123, "the-token"), RELEASED);
        Path file;
        try (Stream<Path> files = Files.list(cache.resolve("ssh-servers"))) {
            file = files.findFirst().orElseThrow();
        }
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(file),
                "the token is written for this user's eyes only");

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

        assertEquals(Optional.empty(), memory.recall("key", LINGER, RELEASED), "its token may be another's by now");
    }

    private LingerMemory memory() throws Exception {
        Path directory = Files.createDirectories(cache.resolve("ssh-servers"));
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        return new LingerMemory(directory);
    }
}
