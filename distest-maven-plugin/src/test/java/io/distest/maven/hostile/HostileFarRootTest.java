package io.distest.maven.hostile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distest.maven.gateway.ssh.SshdServer;
import io.distest.maven.run.DistestException;
import io.distest.maven.run.RunHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A far side's distest root under a shared directory ({@code //chdir=/tmp/distest}, as in docs/remote.md's docker
 * example) that another account made, or that others may write to: whoever can write there can swap the worker
 * jar between its hash and its start, or plant a lingering server's state file. The start-up scripts refuse such a
 * root before they run anything from it, naming the path and its owner; and they run a private copy of the jar
 * that they hashed, so that a swap of the jar after its hash changes nothing.
 */
class HostileFarRootTest {
    @RegisterExtension
    static final SshdServer SSHD = new SshdServer();

    @TempDir
    Path temp;

    private RunHarness harness;

    @BeforeEach
    void harness() {
        harness = new RunHarness(temp);
    }

    @Test
    void anExecBuildRefusesARootAnotherAccountMadeAndRunsNothingFromIt() throws Exception {
        Path shared = Path.of("/tmp", "distest-shared-" + System.nanoTime());
        try {
            Process mkdir = new ProcessBuilder("runuser", "-u", Neighbour.ACCOUNT, "--", "mkdir", "-m", "0755",
                    shared.toString()).inheritIO().start();
            assertEquals(0, mkdir.waitFor(), "the neighbour makes the shared root");

            DistestException e = assertThrows(DistestException.class,
                    () -> harness.run(List.of("exec=sh//chdir=" + shared), "PassingFixture"));

            assertTrue(e.getMessage().contains(shared + " is owned by uid " + Neighbour.uidOf(Neighbour.ACCOUNT)),
                    e.getMessage());
            assertTrue(e.getMessage().contains("//chdir="), "says what to do: " + e.getMessage());
            assertFalse(Files.exists(shared.resolve("jars")), "nothing was stored there");
            assertFalse(serverRunsUnder(shared), "nothing runs from there");
        } finally {
            RunHarness.deleteTree(shared);
        }
    }

    @Test
    void anSshBuildRefusesARootOthersCanWriteToAndRunsNothingFromIt() throws Exception {
        Path shared = Files.createTempDirectory("distest-writable");
        try {
            Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
            harness.sshOptions = SSHD.options(SSHD.writeKnownHosts(temp.resolve("known_hosts")));

            DistestException e = assertThrows(DistestException.class,
                    () -> harness.run(List.of(SSHD.sshSpec() + "//chdir=" + shared), "PassingFixture"));

            assertTrue(e.getMessage().contains(shared + " has mode drwxrwxrwx"), e.getMessage());
            assertTrue(e.getMessage().contains("other accounts can write to it"), e.getMessage());
            assertFalse(serverRunsUnder(shared), "nothing runs from there");
        } finally {
            RunHarness.deleteTree(shared);
        }
    }

    @Test
    void aJarSwappedAfterItsHashNeverRuns() throws Exception {
        Path farSide = Files.createTempDirectory("distest-swap");
        Path tools = Files.createTempDirectory("distest-swap-tools");
        try {
            Path marker = tools.resolve("evil-ran");
            Path evil = evilJar(tools, marker);
            // sha256sum that answers truly, then lets "another account" swap every worker jar in jars/ at once: the
            // moment between the hash and the start that a shared root gives a neighbour
            Path sha256sum = tools.resolve("sha256sum");
            Files.writeString(sha256sum, "#!/bin/sh\nout=$(/usr/bin/sha256sum \"$@\")\nfor j in " + farSide
                    + "/jars/distest-worker-*.jar; do [ -f \"$j\" ] && cp " + evil + " \"$j\"; done\necho \"$out\"\n");
            Files.setPosixFilePermissions(sha256sum, PosixFilePermissions.fromString("rwx------"));
            String path = tools + ":" + Path.of(Neighbour.JAVA).getParent() + ":/usr/bin:/bin";

            var summary = harness.run(List.of("exec=env PATH=" + path + " sh//chdir=" + farSide), "PassingFixture");

            assertEquals(3, summary.tests(), harness.log.text());
            assertEquals(0, summary.failures() + summary.errors(), harness.log.text());
            assertFalse(Files.exists(marker), "the swapped jar ran");
            try (Stream<Path> jars = Files.list(farSide.resolve("jars"))) {
                Path jar = jars.filter(p -> p.getFileName().toString().startsWith("distest-worker-")).findFirst()
                        .orElseThrow();
                assertArrayEquals(Files.readAllBytes(evil), Files.readAllBytes(jar), "the jar was swapped after its hash");
            }
        } finally {
            RunHarness.deleteTree(farSide);
            RunHarness.deleteTree(tools);
        }
    }

    /** A jar whose main class only leaves {@code marker}: what a neighbour's code would do as you. */
    private static Path evilJar(Path directory, Path marker) throws Exception {
        Path source = directory.resolve("Evil.java");
        Files.writeString(source, "public class Evil { public static void main(String[] a) throws Exception {"
                + " java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + marker + "\"), \"ran\"); } }");
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, source.toString()));
        Path jar = directory.resolve("evil.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "Evil");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new JarEntry("Evil.class"));
            out.write(Files.readAllBytes(directory.resolve("Evil.class")));
            out.closeEntry();
        }
        return jar;
    }

    private static boolean serverRunsUnder(Path root) {
        return ProcessHandle.allProcesses().anyMatch(p -> p.info().commandLine().orElse("").contains(" serve ")
                && p.info().commandLine().orElse("").contains(root.toString()));
    }
}
