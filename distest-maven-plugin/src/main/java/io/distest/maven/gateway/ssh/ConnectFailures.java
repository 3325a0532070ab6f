package io.distest.maven.gateway.ssh;

import io.distest.maven.parameter.Parameters;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import net.schmizz.sshj.transport.TransportException;

/** Why an ssh connection could not be made, each as an error that says what to do about it. */
final class ConnectFailures {
    private ConnectFailures() {}

    /** The host offered a key the known hosts file does not know: how to check it and accept it. */
    static SshException unknownHostKey(String host, int port, KnownHostsVerifier verifier, IOException e) {
        var key = verifier.offered();
        String fingerprint = KnownHostsVerifier.sha256Fingerprint(key);
        Path file = verifier.file().toAbsolutePath();
        StringBuilder m = new StringBuilder()
                .append("The ssh host key of ").append(host).append(" port ").append(port)
                .append(" is unknown: ").append(KnownHostsVerifier.typeLabel(key))
                .append(" key fingerprint is ").append(fingerprint)
                .append(", and ").append(verifier.entryName()).append(" is not in ").append(file).append('.');
        if (verifier.writeFailure() != null) {
            m.append("\nAccepting it failed: cannot write ").append(file).append(": ")
                    .append(verifier.writeFailure().getMessage());
        }
        m.append("\nCheck that fingerprint with the host's administrator (on the host: ssh-keygen -lf ")
                .append("/etc/ssh/ssh_host_").append(KnownHostsVerifier.typeLabel(key).toLowerCase())
                .append("_key.pub), then accept the key in one of two ways:")
                .append("\n  ssh-keyscan -p ").append(port).append(' ').append(host).append(" >> ").append(file)
                .append("   (compare first: ssh-keyscan -p ").append(port).append(' ').append(host)
                .append(" | ssh-keygen -lf -)")
                .append("\n  -D").append(Parameters.SSH_ACCEPT_NEW_HOST_KEYS).append("=true   (adds it to ")
                .append(file).append(" on the next connection; a changed key is never accepted)");
        return new SshException(SshException.Reason.UNKNOWN_HOST_KEY, m.toString(), e);
    }

    /** The host offered a key other than the known one: never accepted; how to clear a stale entry. */
    static SshException changedHostKey(String host, int port, KnownHostsVerifier verifier, IOException e) {
        var key = verifier.offered();
        Path file = verifier.file().toAbsolutePath();
        List<Integer> lines = verifier.linesForHost();
        StringBuilder m = new StringBuilder()
                .append("The ssh host key of ").append(host).append(" port ").append(port)
                .append(" has CHANGED: someone may be intercepting the connection (man-in-the-middle attack), or the")
                .append(" host was reinstalled.\nThe host now offers an ")
                .append(KnownHostsVerifier.typeLabel(key)).append(" key with fingerprint ")
                .append(KnownHostsVerifier.sha256Fingerprint(key));
        if (verifier.verdict() == KnownHostsVerifier.Verdict.OTHER_TYPE_KNOWN) {
            m.append(", but ").append(file).append(" knows ").append(verifier.entryName()).append(" only by ")
                    .append(String.join(", ", verifier.knownTypesForHost())).append(" key(s)");
        } else {
            m.append(", which does not match the key for ").append(verifier.entryName()).append(" in ").append(file);
        }
        if (!lines.isEmpty()) {
            m.append(" (line").append(lines.size() > 1 ? "s " : " ")
                    .append(lines.stream().map(String::valueOf).collect(Collectors.joining(", "))).append(')');
        }
        m.append(".\nThe new key is not accepted, not even with -D").append(Parameters.SSH_ACCEPT_NEW_HOST_KEYS)
                .append("=true. If the change is expected, remove the stale entry: ssh-keygen -R '")
                .append(verifier.entryName()).append("' -f ").append(file)
                .append(", then accept the new key after checking its fingerprint.");
        return new SshException(SshException.Reason.CHANGED_HOST_KEY, m.toString(), e);
    }

    /** No ssh connection at all: the cause in plain words, with the timeout that applied. */
    static SshException cannotConnect(String named, int port, SshOptions options, IOException e) {
        String cause;
        if (e instanceof UnknownHostException) {
            cause = "unknown host (the name does not resolve)";
        } else if (e instanceof ConnectException) {
            cause = e.getMessage() != null && e.getMessage().toLowerCase().contains("refused")
                    ? "connection refused (no ssh server listening on that port?)" : "cannot connect: " + e.getMessage();
        } else if (e instanceof NoRouteToHostException) {
            cause = "no route to host";
        } else if (e instanceof SocketTimeoutException) {
            cause = "no answer within the connect timeout";
        } else if (e instanceof TransportException) {
            cause = "the ssh handshake failed: " + e.getMessage();
        } else {
            cause = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        long seconds = options.connectTimeout().toSeconds();
        String timeout = seconds > 0 ? seconds + " s" : options.connectTimeout().toMillis() + " ms";
        return new SshException(SshException.Reason.CANNOT_CONNECT, "Cannot connect to ssh host " + named + " port "
                + port + " (connect timeout " + timeout + "): " + cause, e);
    }
}
