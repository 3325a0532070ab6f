package io.distest.maven.gateway.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distest.maven.gateway.ssh.SshOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;

class EarlySshTest {
    private static final Path MODULE = Path.of("/work/module");

    @Test
    void connectsEarlyForABuildThatReachesTheTestsUnlessSwitchedOff() {
        assertTrue(EarlySsh.wanted(new Properties(), List.of("verify")));
        assertFalse(EarlySsh.wanted(properties("distest.ssh.early", "false"), List.of("verify")));
        assertTrue(EarlySsh.wanted(properties("distest.popen.early", "false"), List.of("verify")), "another switch");
    }

    @Test
    void computesTheDefaultsTheMojoUsesWhenNothingIsSet() {
        SshOptions options = EarlySsh.options(MODULE, null, List.of(new Properties()));
        assertEquals(SshOptions.defaults(), options);
    }

    @Test
    void takesEachSettingFromTheConfigurationBeforeItsPropertyAndResolvesPathsAgainstTheModule() {
        Xpp3Dom configuration = new Xpp3Dom("configuration");
        configuration.addChild(child("knownHosts", "ssh/known_hosts"));
        Xpp3Dom identities = new Xpp3Dom("sshIdentities");
        identities.addChild(child("sshIdentity", "/keys/a"));
        identities.addChild(child("sshIdentity", "keys/../b"));
        configuration.addChild(identities);
        configuration.addChild(child("sshLinger", "0"));
        Properties user = properties("distest.ssh.knownHosts", "/ignored/known_hosts");
        user.setProperty("distest.ssh.acceptNewHostKeys", "true");
        user.setProperty("distest.ssh.linger", "60");
        Properties system = properties("distest.ssh.config", "/etc/distest/ssh_config");
        system.setProperty("distest.ssh.acceptNewHostKeys", "false");

        SshOptions options = EarlySsh.options(MODULE, configuration, List.of(user, system));

        assertEquals(MODULE.resolve("ssh/known_hosts"), options.knownHosts());
        assertEquals(List.of(Path.of("/keys/a"), MODULE.resolve("b")), options.identities());
        assertEquals(Path.of("/etc/distest/ssh_config"), options.sshConfig());
        assertTrue(options.acceptNewHostKeys(), "the user property comes before the system one");
        assertEquals(java.time.Duration.ZERO, options.linger());
    }

    @Test
    void readsAPropertysCommaSeparatedIdentities() {
        SshOptions options = EarlySsh.options(MODULE, null,
                List.of(properties("distest.ssh.identities", "/keys/a, keys/b")));
        assertEquals(List.of(Path.of("/keys/a"), MODULE.resolve("keys/b")), options.identities());
    }

    private static Properties properties(String name, String value) {
        Properties properties = new Properties();
        properties.setProperty(name, value);
        return properties;
    }

    private static Xpp3Dom child(String name, String value) {
        Xpp3Dom child = new Xpp3Dom(name);
        child.setValue(value);
        return child;
    }
}
