package io.distest.maven.gateway.ssh;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How {@link SshSession#connect} behaves. Records with {@code with...} copies; {@link #defaults()} mirrors what
 * OpenSSH's {@code ssh} would use for the current user.
 *
 * @param sshConfig          the OpenSSH client config to read ({@code ~/.ssh/config}); an absent file is an empty config
 * @param knownHosts         the {@code known_hosts} file host keys are checked against (and new keys appended to)
 * @param identities         private key files tried after the config's {@code IdentityFile} entries for the host, in
 *                           order; absent files are skipped. The defaults are {@code ~/.ssh/id_ed25519},
 *                           {@code id_ecdsa}, {@code id_rsa}; a caller that wants extra keys adds them to this list
 * @param acceptNewHostKeys  when a host's key is not in {@code knownHosts}, append it there and go on (OpenSSH's
 *                           {@code StrictHostKeyChecking=accept-new}). A <em>changed</em> key is never accepted
 * @param connectTimeout     how long the TCP connect may take
 */
public record SshOptions(
        Path sshConfig,
        Path knownHosts,
        List<Path> identities,
        boolean acceptNewHostKeys,
        Duration connectTimeout) {

    public SshOptions {
        Objects.requireNonNull(sshConfig, "sshConfig");
        Objects.requireNonNull(knownHosts, "knownHosts");
        identities = List.copyOf(Objects.requireNonNull(identities, "identities"));
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be positive, got " + connectTimeout);
        }
        if (connectTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("connectTimeout is too long: " + connectTimeout);
        }
    }

    /** {@code ~/.ssh/config}, {@code ~/.ssh/known_hosts}, the usual {@code ~/.ssh/id_*} keys, no new keys accepted, 30 s. */
    public static SshOptions defaults() {
        Path ssh = Path.of(System.getProperty("user.home"), ".ssh");
        return new SshOptions(
                ssh.resolve("config"),
                ssh.resolve("known_hosts"),
                List.of(ssh.resolve("id_ed25519"), ssh.resolve("id_ecdsa"), ssh.resolve("id_rsa")),
                false,
                Duration.ofSeconds(30));
    }

    public SshOptions withSshConfig(Path sshConfig) {
        return new SshOptions(sshConfig, knownHosts, identities, acceptNewHostKeys, connectTimeout);
    }

    public SshOptions withKnownHosts(Path knownHosts) {
        return new SshOptions(sshConfig, knownHosts, identities, acceptNewHostKeys, connectTimeout);
    }

    public SshOptions withIdentities(List<Path> identities) {
        return new SshOptions(sshConfig, knownHosts, identities, acceptNewHostKeys, connectTimeout);
    }

    public SshOptions withAcceptNewHostKeys(boolean acceptNewHostKeys) {
        return new SshOptions(sshConfig, knownHosts, identities, acceptNewHostKeys, connectTimeout);
    }
}
