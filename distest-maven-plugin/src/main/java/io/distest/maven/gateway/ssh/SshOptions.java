package io.distest.maven.gateway.ssh;

import io.distest.maven.parameter.Parameters;
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

    public SshOptions(Path sshConfig, Path knownHosts, List<Path> identities, boolean acceptNewHostKeys,
            Duration connectTimeout) {
        this(sshConfig, knownHosts, identities, acceptNewHostKeys, connectTimeout, Parameters.sshLingerDefault());
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
        if (linger.isNegative() || linger.toSeconds() > Parameters.SSH_LINGER_MAX_SECONDS) {
            throw new IllegalArgumentException("the far server's linger time must be 0 to "
                    + Parameters.SSH_LINGER_MAX_SECONDS + " seconds, got " + linger.toSeconds() + " ("
                    + Parameters.SSH_LINGER + ")");
        }
    }

    /**
     * The declared defaults ({@code ~/.ssh/config}, {@code ~/.ssh/known_hosts}, no new keys accepted, the linger
     * time), the usual {@code ~/.ssh/id_*} keys, 30 s to connect.
     */
    public static SshOptions defaults() {
        Path ssh = Path.of(System.getProperty("user.home"), ".ssh");
        return new SshOptions(
                Parameters.inUserHome(Parameters.SSH_CONFIG_DEFAULT),
                Parameters.inUserHome(Parameters.SSH_KNOWN_HOSTS_DEFAULT),
                List.of(ssh.resolve("id_ed25519"), ssh.resolve("id_ecdsa"), ssh.resolve("id_rsa")),
                Boolean.parseBoolean(Parameters.SSH_ACCEPT_NEW_HOST_KEYS_DEFAULT),
                Duration.ofSeconds(30));
    }

    /**
     * The options the test goals' ssh parameters ask for, the same for the mojo and the early start: a {@code null}
     * file or linger, or no identities, keeps the default.
     */
    public static SshOptions of(Path sshConfig, Path knownHosts, List<Path> identities, boolean acceptNewHostKeys,
            Duration linger) {
        SshOptions defaults = defaults();
        return new SshOptions(sshConfig != null ? sshConfig : defaults.sshConfig(),
                knownHosts != null ? knownHosts : defaults.knownHosts(),
                identities.isEmpty() ? defaults.identities() : identities, acceptNewHostKeys, defaults.connectTimeout(),
                linger != null ? linger : defaults.linger());
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
