package io.distest.worker.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's root is trusted only when it is this user's alone; what dead servers left is swept. */
class ServerRootTest {
    private static final int NOBODY = 65534;

    @TempDir
    Path temp;

    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(logBytes, true, StandardCharsets.UTF_8);

    private Server server(Path root) throws IOException {
        return new Server(RunningServer.options(root), RunningServer.TOKEN, log);
    }

    @Test
    void createsTheRootOnlyThisUserCanEnter() throws Exception {
        Path root = temp.resolve("new/root");
        try (Server server = server(root)) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(root)));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("cas"))));
        }
    }

    @Test
    void refusesARootOwnedBySomeoneElse() throws Exception {
        Path root = Files.createDirectory(temp.resolve("theirs"));
        Files.setAttribute(root, "unix:uid", NOBODY);
        IOException e = assertThrows(IOException.class, () -> server(root));
        assertTrue(e.getMessage().contains("the server root " + root + ": it is owned by uid 65534"), e.getMessage());
        assertFalse(Files.exists(root.resolve("cas")), "nothing was created in it");
    }

    @Test
    void refusesAWorldWritableRoot() throws Exception {
        Path root = Files.createDirectory(temp.resolve("open"));
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxrwxrwx"));
        IOException e = assertThrows(IOException.class, () -> server(root));
        assertTrue(e.getMessage().contains("group or others can write to it; run chmod go-w " + root), e.getMessage());
    }

    @Test
    void refusesAContentStoreOwnedBySomeoneElse() throws Exception {
        Path root = Files.createDirectory(temp.resolve("root"));
        Path cas = Files.createDirectory(root.resolve("cas"));
        Files.setAttribute(cas, "unix:uid", NOBODY);
        IOException e = assertThrows(IOException.class, () -> server(root));
        assertTrue(e.getMessage().contains("the content store " + cas + ": it is owned by uid 65534"), e.getMessage());
    }

    @Test
    void narrowsAnOwnRootThatOthersCouldRead() throws Exception {
        Path root = Files.createDirectory(temp.resolve("readable"));
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (Server server = server(root)) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(root)));
        }
        assertTrue(logBytes.toString(StandardCharsets.UTF_8).contains("narrowed " + root));
    }

    @Test
    void sweepsWhatAKilledServerLeftAtStart() throws Exception {
        Path root = Files.createDirectory(temp.resolve("root"));
        Path dead = Files.createDirectories(root.resolve("run/dead-server"));
        Files.createFile(dead.resolve("lock")); // nobody holds it: its server is gone
        Files.createDirectories(dead.resolve("sessions/s1/project"));
        Files.createDirectories(dead.resolve("incoming"));
        Files.writeString(dead.resolve("incoming/incoming-1234"), "half a jar");
        Path outside = Files.createDirectory(temp.resolve("outside"));
        Files.writeString(outside.resolve("keep.txt"), "mine");
        Files.createSymbolicLink(dead.resolve("sessions/s1/project/lib"), outside);
        Path unlocked = Files.createDirectories(root.resolve("run/crashed-while-starting"));
        Files.setLastModifiedTime(unlocked, FileTime.from(Instant.now().minusSeconds(3_600)));

        try (Server server = server(root)) {
            assertFalse(Files.exists(dead, LinkOption.NOFOLLOW_LINKS));
            assertFalse(Files.exists(unlocked, LinkOption.NOFOLLOW_LINKS));
            assertEquals("mine", Files.readString(outside.resolve("keep.txt")), "a link in the leftovers is not followed");
        }
        assertTrue(logBytes.toString(StandardCharsets.UTF_8).contains("swept " + dead), logBytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void keepsTheDirectoryOfAServerStillTakingItsLockAndSweepsItOnceOld() throws Exception {
        Path root = Files.createDirectory(temp.resolve("root"));
        Path starting = Files.createDirectories(root.resolve("run/.starting-beside"));
        Files.createFile(starting.resolve("lock")); // its server has created the lock file, not yet locked it
        Path stale = Files.createDirectories(root.resolve("run/.starting-crashed"));
        Files.createFile(stale.resolve("lock"));
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minusSeconds(3_600)));

        try (Server server = server(root)) {
            assertTrue(Files.exists(starting.resolve("lock")), "a server starting beside this one keeps its directory");
            assertFalse(Files.exists(stale, LinkOption.NOFOLLOW_LINKS), "one that never finished starting is swept");
        }
    }

    @Test
    void keepsTheDirectoryOfAnotherServerThatStillRunsOnTheSameRoot() throws Exception {
        Path root = Files.createDirectory(temp.resolve("shared"));
        try (Server first = server(root); Server second = server(root)) {
            try (var runs = Files.list(root.resolve("run"))) {
                assertEquals(2, runs.count(), "both servers' run directories are there");
            }
        }
        try (var runs = Files.list(root.resolve("run"))) {
            assertEquals(0, runs.count(), "each removes its own when it closes");
        }
    }
}
