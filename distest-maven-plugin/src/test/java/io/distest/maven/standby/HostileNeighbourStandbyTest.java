package io.distest.maven.standby;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distest.maven.hostile.AsNeighbour;
import io.distest.protocol.Hello;
import io.distest.protocol.MessageChannel;
import io.distest.shared.UserCache;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A kept launch is a command line the build runs as its user, and a standby JVM is handed the run's token: another
 * account on the build machine ({@code nobody}, through {@code runuser}) tries to plant a launch, read one, make the
 * cache its own, and read the token off a standby JVM. The cache lies in a directory every account can pass through,
 * so that only distest's own modes stand in its way.
 */
class HostileNeighbourStandbyTest {
    private Path shared;
    private Path module;
    private final Path theirs = Path.of("/tmp", "distest-standby-theirs-" + System.nanoTime());

    @BeforeEach
    void sharedPlace() throws IOException {
        shared = AsNeighbour.placeOthersCanPassThrough("distest-standby-hostile");
        module = Files.createDirectories(shared.resolve("module"));
        Files.setPosixFilePermissions(module, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterEach
    void cleanUp() throws Exception {
        Standbys.endUnclaimed(module);
        AsNeighbour.run("rm", "-rf", theirs.toString());
        io.distest.maven.run.RunHarness.deleteTree(shared);
    }

    @Test
    void aNeighbourCanNeitherReadNorPlantNorReplaceAKeptLaunch() throws Exception {
        Path cache = UserCache.at(shared.resolve("distest").resolve("standby"), "standby workers' launches").orElseThrow();
        LaunchStore store = new LaunchStore(cache);
        StandbyLaunch launch = StandbysTest.launch(module, "gw0", List.of("-Dkept=1"));
        store.write(module, List.of(launch));
        Path file = onlyFileIn(cache);
        String before = Files.readString(file);

        assertNotEquals(0, AsNeighbour.run("ls", cache.toString()).exit(), "lists the cache");
        assertNotEquals(0, AsNeighbour.run("cat", file.toString()).exit(), "reads a launch");
        assertNotEquals(0, AsNeighbour.run("sh", "-c", "echo 'arg\t-javaagent:/tmp/evil.jar' >> " + file).exit(),
                "appends to a launch");
        assertNotEquals(0, AsNeighbour.run("sh", "-c", "echo x > " + cache.resolve("planted.launches")).exit(),
                "plants a launch");
        assertNotEquals(0, AsNeighbour.run("mv", shared.resolve("distest").toString(), shared.resolve("moved").toString()).exit(),
                "moves the cache away to put its own in its place");

        assertEquals(before, Files.readString(file));
        assertEquals(List.of(launch), store.read(module));
    }

    @Test
    void aCacheTheNeighbourMadeIsNotUsed() throws Exception {
        assertEquals(0, AsNeighbour.run("mkdir", "-p", "-m", "0777", theirs.resolve("distest/standby").toString()).exit());

        assertEquals(Optional.empty(), UserCache.at(theirs.resolve("distest/standby"), "standby workers' launches"),
                "a directory of another account's, where it could plant command lines");
    }

    @Test
    void theTokenHandedToAStandbyIsNeitherOnItsCommandLineNorInItsEnvironment() throws Exception {
        LaunchStore store = new LaunchStore(UserCache.at(shared.resolve("distest").resolve("standby"), "launches").orElseThrow());
        StandbyLaunch launch = StandbysTest.launch(module, "gw0", List.of());
        store.write(module, List.of(launch));
        assertEquals(1, Standbys.start(store, module, message -> {}));
        String token = "token-" + System.nanoTime();

        try (ServerSocket run = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            run.setSoTimeout(30_000);
            Process standby = Standbys.claim(launch, token, "127.0.0.1:" + run.getLocalPort()).orElseThrow();
            try (Socket connection = run.accept()) {
                Hello hello = (Hello) new MessageChannel(connection.getInputStream(), connection.getOutputStream(),
                        connection).receive();
                assertEquals(token, hello.token(), "it got the token");

                AsNeighbour.Result commandLine = AsNeighbour.run("cat", "/proc/" + standby.pid() + "/cmdline");
                assertEquals(0, commandLine.exit(), "a command line is there for all to read");
                assertTrue(commandLine.output().contains("standby"), commandLine.output());
                assertFalse(commandLine.output().contains(token), "the token on the command line");
                assertNotEquals(0, AsNeighbour.run("cat", "/proc/" + standby.pid() + "/environ").exit());
                assertFalse(Files.readString(Path.of("/proc/" + standby.pid() + "/environ"), StandardCharsets.ISO_8859_1)
                        .contains(token), "the token in its environment");
            }
        }
    }

    private static Path onlyFileIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> all = files.toList();
            assertEquals(1, all.size(), all.toString());
            return all.get(0);
        }
    }
}
