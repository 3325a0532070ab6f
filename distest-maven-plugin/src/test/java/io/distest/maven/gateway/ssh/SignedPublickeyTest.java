package io.distest.maven.gateway.ssh;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** What a real OpenSSH server sees of distest's public-key authentication. */
class SignedPublickeyTest {
    @RegisterExtension
    static final SshdServer sshd = SshdServer.logging("DEBUG2");

    @TempDir
    Path temp;

    @Test
    void sendsTheSignatureWithTheFirstRequestInsteadOfAskingFirst() throws Exception {
        try (SshSession session = SshSession.connect(sshd.target(),
                sshd.options(sshd.writeKnownHosts(temp.resolve("known_hosts"))))) {
            assertTrue(session.isConnected());
        }
        String log = sshd.log();
        assertTrue(log.contains("attempting public key"), "sshd saw a signed request:\n" + log);
        assertFalse(log.contains("querying public key"), "sshd was asked whether a key would do:\n" + log);
    }
}
