package io.distest.worker.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distest.testing.Poll;
import java.nio.file.Files;
import java.time.Duration;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LingeringTest {
    @TempDir
    Path temp;

    @Test
    void advertisesPortTokenAndProcessInAFileOnlyThisUserCanRead() throws Exception {
        Path file = temp.resolve("linger/abc");
        new Lingering(file, 4711, "tok", () -> false, System::nanoTime).advertise();

        assertEquals("4711 tok " + ProcessHandle.current().pid() + "\n", Files.readString(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
    }

    @Test
    void withdrawsItsFileButNotOneANewerServerWrote() throws Exception {
        Path file = temp.resolve("linger/abc");
        Lingering older = new Lingering(file, 1, "old", () -> false, System::nanoTime);
        older.advertise();
        new Lingering(file, 2, "new", () -> false, System::nanoTime).advertise();

        older.withdraw();

        assertTrue(Files.readString(file).startsWith("2 new "), "the newer server's file stays");
    }

    @Test
    void endsAfterTheLingerTimeIdleAndWithdrawsTheFileFirst() throws Exception {
        Path file = temp.resolve("linger/abc");
        AtomicInteger busyChecks = new AtomicInteger();
        Lingering lingering = new Lingering(file, 1, "t", () -> busyChecks.incrementAndGet() < 3, System::nanoTime);
        lingering.advertise();

        lingering.awaitIdle(300, 300);

        assertFalse(Files.exists(file), "no build finds an exiting server");
        assertTrue(busyChecks.get() >= 3, "it stayed while busy");
    }

    @Test
    void servesABuildThatCameDuringTheGraceAndAdvertisesAgain() throws Exception {
        Path file = temp.resolve("linger/abc");
        AtomicBoolean busy = new AtomicBoolean();
        Lingering lingering = new Lingering(file, 1, "t", busy::get, System::nanoTime);
        lingering.advertise();
        Thread awaiting = new Thread(() -> {
            try {
                lingering.awaitIdle(200, 2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        awaiting.start();

        Poll.until(Duration.ofSeconds(10), () -> !Files.exists(file), () -> "the grace to begin");
        busy.set(true); // a build that read the file just before attaches
        Poll.until(Duration.ofSeconds(10), () -> Files.exists(file), () -> "the file to be written again");
        assertTrue(awaiting.isAlive(), "it did not end while the build used it");
        busy.set(false);
        awaiting.join(10_000);
        assertFalse(awaiting.isAlive(), "it ends once idle again");
        assertFalse(Files.exists(file));
    }
}
