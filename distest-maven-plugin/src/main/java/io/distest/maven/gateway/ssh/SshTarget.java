package io.distest.maven.gateway.ssh;

import io.distest.maven.tx.Transport;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a tx spec {@code ssh=[user@]host[:port]} names: an ssh account, before {@code ~/.ssh/config} and the
 * defaults are applied. {@code host} may be an alias from the ssh config; an empty user or port means "whatever the
 * ssh config or the defaults say" (the local user name, port 22).
 *
 * @param user the remote user, when the spec names one
 * @param host a host name, address or ssh config alias (an IPv6 address without brackets)
 * @param port the port, when the spec names one
 */
public record SshTarget(Optional<String> user, String host, OptionalInt port) {

    public SshTarget {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(port, "port");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (user.isPresent() && user.get().isBlank()) {
            throw new IllegalArgumentException("user must not be blank when given");
        }
        if (port.isPresent() && (port.getAsInt() < 1 || port.getAsInt() > 65535)) {
            throw new IllegalArgumentException("port must be from 1 to 65535, got " + port.getAsInt());
        }
    }

    /** The target a parsed {@code ssh=} tx spec names. */
    public static SshTarget of(Transport.Ssh ssh) {
        Objects.requireNonNull(ssh, "ssh");
        return new SshTarget(ssh.user(), ssh.host(), ssh.port());
    }

    /** A target with only a host (or alias): user and port come from the ssh config or the defaults. */
    public static SshTarget host(String host) {
        return new SshTarget(Optional.empty(), host, OptionalInt.empty());
    }

    /** {@code [user@]host[:port]}, as the spec would be written (an IPv6 address in brackets). */
    @Override
    public String toString() {
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return user.map(u -> u + "@").orElse("") + h + (port.isPresent() ? ":" + port.getAsInt() : "");
    }
}
