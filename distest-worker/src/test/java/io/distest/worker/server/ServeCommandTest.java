package io.distest.worker.server;

import io.distest.testing.Poll;
import java.time.Duration;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The token file: created private and atomically, never through a link, refused when others could use it. */
class ServeCommandTest {
    @TempDir
    Path temp;

    @Test
    void createsANewTokenFileReadableByThisUserOnly() throws Exception {
        Path file = temp.resolve("root/server.token");
        String token = ServeCommand.token(file);
        assertEquals(token, Files.readString(file).strip());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        assertEquals(token, ServeCommand.token(file), "read back the next time");
    }

    @Test
    void refusesATokenFileOthersCanReadOrWrite() throws Exception {
        Path file = temp.resolve("server.token");
        Files.writeString(file, "planted\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
        IOException e = assertThrows(IOException.class, () -> ServeCommand.token(file));
        assertTrue(e.getMessage().contains("group or others can read it; run chmod 600 " + file), e.getMessage());
    }

    @Test
    void refusesATokenFileOwnedBySomeoneElse() throws Exception {
        Path file = temp.resolve("server.token");
        Files.writeString(file, "planted\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        Files.setAttribute(file, "unix:uid", 65534);
        IOException e = assertThrows(IOException.class, () -> ServeCommand.token(file));
        assertTrue(e.getMessage().contains("owned by uid 65534"), e.getMessage());
    }

    @Test
    void neverFollowsALinkAtTheTokenFilesPath() throws Exception {
        Path target = temp.resolve("elsewhere.token");
        Path file = Files.createSymbolicLink(temp.resolve("server.token"), target); // dangling
        IOException e = assertThrows(IOException.class, () -> ServeCommand.token(file));
        assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
        assertFalse(Files.exists(target, LinkOption.NOFOLLOW_LINKS), "nothing was written through the link");
    }

    @Test
    void printsWhereTheTokenIsButNeverTheToken() throws Exception {
        Path root = temp.resolve("root");
        Path tokenFile = root.resolve("server.token");
        String token = ServeCommand.token(tokenFile);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread serving = new Thread(() -> ServeCommand.run(List.of("--port", "0", "--root", root.toString()),
                new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
        serving.setDaemon(true);
        serving.start();
        Poll.within(Duration.ofSeconds(10), () -> out.toString(StandardCharsets.UTF_8).contains("mvn verify"));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("in " + tokenFile), printed);
        assertTrue(printed.contains("DISTEST_TOKEN=$(cat " + tokenFile + ") mvn verify -Ddistest.tx=socket=127.0.0.1:"), printed);
        assertFalse(printed.contains(token), printed);
    }

    @Test
    void servesWithoutLingeringWhenItCannotWriteTheLingerFile() throws Exception {
        Path root = temp.resolve("root");
        Path inTheWay = Files.createFile(temp.resolve("not-a-directory"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        // the token line, then an input that never ends: its end would halt this JVM (the lifeline)
        java.io.InputStream stdin = new java.io.SequenceInputStream(
                new ByteArrayInputStream("a-token\n".getBytes(StandardCharsets.UTF_8)), new java.io.InputStream() {
                    @Override
                    public int read() throws IOException {
                        try {
                            Thread.sleep(Long.MAX_VALUE);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        throw new IOException("interrupted");
                    }
                });
        Thread serving = new Thread(() -> ServeCommand.run(List.of("--port", "0", "--root", root.toString(),
                "--lifeline-stdin", "--linger", "60", "--linger-file", inTheWay.resolve("state").toString()), stdin,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
        serving.setDaemon(true);
        serving.start();

        Poll.until(Duration.ofSeconds(10), () -> out.toString(StandardCharsets.UTF_8).contains("DISTEST-SERVER-PORT "),
                () -> "the port line; err: " + err.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("not lingering after the build"),
                err.toString(StandardCharsets.UTF_8));
    }
}
