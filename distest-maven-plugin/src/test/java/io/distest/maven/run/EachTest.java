package io.distest.maven.run;

import io.distest.maven.settings.Dist;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distest.maven.gateway.ssh.SshdServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** dist=each over real JVMs of two Java versions, and over popen plus a real sshd. */
class EachTest {
    static final Path JAVA_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");

    @RegisterExtension
    static final SshdServer SSHD = new SshdServer();

    @TempDir
    Path temp;

    private RunHarness harness;

    @BeforeEach
    void harness() {
        harness = new RunHarness(temp);
        harness.dist = Dist.EACH;
    }

    @Test
    void reportsTheTestThatFailsOnlyOnJava25OnExactlyThatPlatform() throws Exception {
        assertTrue(Files.isExecutable(JAVA_25), "this machine's second JDK is expected at " + JAVA_25);
        RunSummary summary = harness.run(List.of("popen//id=jdk17", "popen//id=jdk25//java=" + JAVA_25),
                "JavaVersionFixture", "Slow1Fixture");

        assertEquals(6, summary.tests(), harness.log.text());
        assertEquals(1, summary.failures());
        String jdk17 = harness.reportNamed("TEST-" + RunHarness.FIXTURES + "JavaVersionFixture-jdk17.xml");
        String jdk25 = harness.reportNamed("TEST-" + RunHarness.FIXTURES + "JavaVersionFixture-jdk25.xml");
        assertFalse(jdk17.contains("<failure"), jdk17);
        assertTrue(jdk25.contains("<failure"), jdk25);
        assertTrue(jdk25.contains("name=\"java.version\" value=\"25"), "the report names its platform:\n" + jdk25);
        String log = harness.log.text();
        assertTrue(log.contains("Per platform (dist=each):"), log);
        assertTrue(log.contains("JavaVersionFixture.failsOnJava21AndLater fails on jdk25 (Java 25"), log);
        assertTrue(log.lines().anyMatch(l -> l.startsWith("[jdk25] [")), "console lines name the platform:\n" + log);
    }

    @Test
    void runsEveryTestOnALocalJvmAndOverSsh() throws Exception {
        Path farSide = Files.createTempDirectory("distest-each-ssh");
        try {
            harness.sshOptions = SSHD.options(SSHD.writeKnownHosts(temp.resolve("known_hosts")));
            RunSummary summary = harness.run(List.of("popen//id=local",
                    SSHD.sshSpec() + "//id=ssh//chdir=" + farSide),
                    "FailingFixture", "Slow1Fixture");

            assertEquals(6, summary.tests(), harness.log.text());
            assertEquals(2, summary.failures(), "each platform reports its own failure");
            for (String group : List.of("local", "ssh")) {
                String report = harness.reportNamed("TEST-" + RunHarness.FIXTURES + "FailingFixture-" + group + ".xml");
                assertTrue(report.contains("tests=\"2\""), report);
            }
        } finally {
            RunHarness.deleteTree(farSide);
        }
    }

    @Test
    void namesAJavaThatIsNotAJvm() {
        DistestException e = assertThrows(DistestException.class,
                () -> harness.run(List.of("popen", "popen//java=/bin/true"), "Slow1Fixture"));
        assertTrue(e.getMessage().contains("popen//java=/bin/true"), e.getMessage());
        assertTrue(e.getMessage().contains("could not start"), e.getMessage());
    }
}
