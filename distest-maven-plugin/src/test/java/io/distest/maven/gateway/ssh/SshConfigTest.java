package io.distest.maven.gateway.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SshConfigTest {

    private static final String HOME = System.getProperty("user.home");
    private static final String ME = System.getProperty("user.name");

    @TempDir
    Path temp;

    private SshConfig config(String... lines) throws IOException {
        Path file = temp.resolve("config");
        Files.writeString(file, String.join("\n", lines) + "\n");
        return SshConfig.parse(file);
    }

    @Test
    void absentFileIsAnEmptyConfig() throws IOException {
        SshConfig.Resolved r = SshConfig.parse(temp.resolve("no-such-config")).resolve("box");
        assertEquals(new SshConfig.Resolved("box", Optional.empty(), OptionalInt.empty(), List.of()), r);
    }

    @Test
    void matchesSeveralPatternsPerHostLineWithWildcards() throws IOException {
        SshConfig c = config(
                "Host web? *.example.com db1",
                "  User deploy");
        assertEquals(Optional.of("deploy"), c.resolve("web1").user());
        assertEquals(Optional.of("deploy"), c.resolve("a.b.example.com").user());
        assertEquals(Optional.of("deploy"), c.resolve("DB1").user(), "host names ignore case");
        assertEquals(Optional.empty(), c.resolve("web12").user(), "? is exactly one character");
        assertEquals(Optional.empty(), c.resolve("example.com").user());
        assertEquals(Optional.empty(), c.resolve("db10").user());
    }

    @Test
    void negatedPatternDisablesTheBlock() throws IOException {
        SshConfig c = config(
                "Host *.example.com !secret.example.com",
                "  User shared",
                "Host !*.example.com",
                "  User never-without-positive-match");
        assertEquals(Optional.of("shared"), c.resolve("build.example.com").user());
        assertEquals(Optional.empty(), c.resolve("secret.example.com").user());
        assertEquals(Optional.empty(), c.resolve("elsewhere").user(),
                "a block with only negated patterns matches nothing");
    }

    @Test
    void firstObtainedValueWins() throws IOException {
        SshConfig c = config(
                "Host build7",
                "  User ci",
                "  User ignored",
                "Host *",
                "  User everyone",
                "  Port 2222");
        SshConfig.Resolved build7 = c.resolve("build7");
        assertEquals(Optional.of("ci"), build7.user());
        assertEquals(OptionalInt.of(2222), build7.port());
        assertEquals(Optional.of("everyone"), c.resolve("other").user());
    }

    @Test
    void linesBeforeTheFirstHostApplyToAllHostsAndCommentsAreIgnored() throws IOException {
        SshConfig c = config(
                "# global",
                "Port 2200   # trailing comment",
                "",
                "Host box",
                "  Port 22");
        assertEquals(OptionalInt.of(2200), c.resolve("box").port());
    }

    @Test
    void hostNameExpandsTheAlias() throws IOException {
        SshConfig c = config(
                "Host *.lan",
                "  HostName %h.internal.example.com",
                "Host pct",
                "  HostName 100%%.example.com");
        assertEquals("mac1.lan.internal.example.com", c.resolve("mac1.lan").hostName());
        assertEquals("100%.example.com", c.resolve("pct").hostName());
        assertEquals("plain", c.resolve("plain").hostName());
    }

    @Test
    void keywordsIgnoreCaseAndAcceptEqualsSigns() throws IOException {
        SshConfig c = config(
                "HOST box",
                "  HOSTNAME=real.example.com",
                "  user = bob",
                "  PoRt 2201");
        assertEquals(new SshConfig.Resolved("real.example.com", Optional.of("bob"), OptionalInt.of(2201), List.of()),
                c.resolve("box"));
    }

    @Test
    void identityFilesAccumulateAndExpandTildeAndTokens() throws IOException {
        SshConfig c = config(
                "Host box",
                "  HostName real.example.com",
                "  User bob",
                "  IdentityFile ~/.ssh/id_%h_%r",
                "  IdentityFile %d/keys/%u-%n-%p",
                "  IdentityFile \"/keys with space/key\"",
                "  IdentityFile none",
                "Host *",
                "  IdentityFile ~/.ssh/common",
                "  IdentityFile ~/.ssh/id_%h_%r");
        assertEquals(List.of(
                        Path.of(HOME, ".ssh", "id_real.example.com_bob"),
                        Path.of(HOME, "keys", ME + "-box-22"),
                        Path.of("/keys with space/key"),
                        Path.of(HOME, ".ssh", "common")),
                c.resolve("box").identityFiles());
    }

    @Test
    void callerUserAndPortWinOverTheConfigAndTakePartInTokens() throws IOException {
        SshConfig c = config(
                "Host box",
                "  User bob",
                "  Port 2222",
                "  IdentityFile /k/%r-%p");
        SshConfig.Resolved r = c.resolve("box", Optional.of("alice"), OptionalInt.of(2022));
        assertEquals(Optional.of("alice"), r.user());
        assertEquals(OptionalInt.of(2022), r.port());
        assertEquals(List.of(Path.of("/k/alice-2022")), r.identityFiles());
        assertEquals(List.of(Path.of("/k/" + ME + "-22")),
                config("IdentityFile /k/%r-%p").resolve("x").identityFiles(),
                "%r is the local user and %p 22 when nobody says otherwise");
    }

    @Test
    void includeReadsFilesRelativeToTheConfigDirectoryInOrder() throws IOException {
        Files.createDirectories(temp.resolve("conf.d"));
        Files.writeString(temp.resolve("conf.d/b.conf"), "Host inc\n  User from-b\n  Port 2002\n");
        Files.writeString(temp.resolve("conf.d/a.conf"), "Host inc\n  User from-a\n");
        Files.writeString(temp.resolve("conf.d/ignored.txt"), "Host inc\n  Port 9999\n");
        SshConfig c = config(
                "Include conf.d/*.conf",
                "Host inc",
                "  User from-main",
                "  HostName inc.example.com");
        SshConfig.Resolved r = c.resolve("inc");
        assertEquals(Optional.of("from-a"), r.user());
        assertEquals(OptionalInt.of(2002), r.port());
        assertEquals("inc.example.com", r.hostName());
    }

    @Test
    void includeInsideHostBlockAppliesOnlyToThatHost() throws IOException {
        Files.writeString(temp.resolve("extra"), "User included\nHost *\n  Port 2003\n");
        SshConfig c = config(
                "Host box",
                "  Include " + temp.resolve("extra"),
                "Host *",
                "  User fallback");
        assertEquals(Optional.of("included"), c.resolve("box").user());
        assertEquals(OptionalInt.of(2003), c.resolve("box").port());
        assertEquals(Optional.of("fallback"), c.resolve("other").user());
        assertEquals(OptionalInt.empty(), c.resolve("other").port());
    }

    @Test
    void matchBlocksOtherThanMatchAllAreSkipped() throws IOException {
        SshConfig c = config(
                "Match host box exec \"true\"",
                "  User from-match",
                "Match all",
                "  Port 2004",
                "Host box",
                "  User from-host");
        assertEquals(Optional.of("from-host"), c.resolve("box").user());
        assertEquals(OptionalInt.of(2004), c.resolve("box").port());
    }

    @Test
    void malformedPortNamesFileAndLine() {
        IOException e = assertThrows(IOException.class, () -> config("Host box", "  Port ssh"));
        assertTrue(e.getMessage().contains("config:2"), e.getMessage());
        assertTrue(e.getMessage().contains("'ssh'"), e.getMessage());
    }

    @Test
    void wildcardsFollowOpenSsh() {
        assertTrue(SshConfig.wildcardMatches("*", "anything"));
        assertTrue(SshConfig.wildcardMatches("a*c", "abbbc"));
        assertTrue(SshConfig.wildcardMatches("a*c", "ac"));
        assertTrue(SshConfig.wildcardMatches("192.168.?.*", "192.168.1.20"));
        assertFalse(SshConfig.wildcardMatches("192.168.?.*", "192.168.10.20"));
        assertFalse(SshConfig.wildcardMatches("a*c", "abcd"));
        assertTrue(SshConfig.hostMatches("x", List.of("y", "x")));
        assertFalse(SshConfig.hostMatches("x", List.of("*", "!x")));
    }
}
