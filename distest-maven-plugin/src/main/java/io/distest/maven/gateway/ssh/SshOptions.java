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
 * @param linger             how long the worker server an ssh build starts stays on the far side, idle, after the
 *                           build, for the next build to attach to ({@link Duration#ZERO}: it ends with the build)
 */
public record SshOptions(
        Path sshConfig,
        Path knownHosts,
        List<Path> identities,
        boolean acceptNewHostKeys,
        Duration connectTimeout,
        Duration linger) {

    /** How long a far worker server stays after a build by default. */
    public static final Duration DEFAULT_LINGER = Duration.ofMinutes(5);

    public SshOptions(Path sshConfig, Path knownHosts, List<Path> identities, boolean acceptNewHostKeys,
            Duration connectTimeout) {
        this(sshConfig, knownHosts, identities, acceptNewHostKeys, connectTimeout, DEFAULT_LINGER);
    }

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
        Objects.requireNonNull(linger, "linger");
        if (linger.isNegative() || linger.toSeconds() > 86_400) {
            throw new IllegalArgumentException("the far server's linger time must be 0 to 86400 seconds, got "
                    + linger.toSeconds() + " (distest.ssh.linger)");
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
        return new SshOptions(sshConfig, knownHosts, identities, acceptNewHostKeys, connectTimeout, linger);
    }

    public SshOptions withKnownHosts(Path knownHosts) {
        return new SshOptions(sshConfig, knownHosts, identities, acceptNewHostKeys, connectTimeout, linger);
    }

    public SshOptions withIdentities(List<Path> identities) {
        return new SshOptions(sshConfig, knownHosts, identities, acceptNewHostKeys, connectTimeout, linger);
    }

    public SshOptions withAcceptNewHostKeys(boolean acceptNewHostKeys) {
        return new SshOptions(sshConfig, knownHosts, identities, acceptNewHostKeys, connectTimeout, linger);
    }

    public SshOptions withLinger(Duration linger) {
        return new SshOptions(sshConfig, knownHosts, identities, acceptNewHostKeys, connectTimeout, linger);
    }
}
