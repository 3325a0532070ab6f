package io.distest.maven.tx;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How a gateway is reached: the {@code KIND[=ADDRESS]} part of a tx spec.
 * Each {@code toString()} renders the spec syntax back, so messages and reports show
 * what the user would type.
 */
public sealed interface Transport permits Transport.Popen, Transport.Ssh, Transport.Socket, Transport.Exec {

    /** {@code popen}: a local JVM subprocess. */
    record Popen() implements Transport {
        @Override
        public String toString() {
            return "popen";
        }
    }

    /**
     * {@code ssh=[user@]host[:port]}: a JVM started over ssh. {@code host} may be an alias from
     * {@code ~/.ssh/config}; an IPv6 address is held without brackets (as ssh libraries want it).
     * No user or port means "whatever ssh config or the defaults say".
     */
    record Ssh(Optional<String> user, String host, OptionalInt port) implements Transport {
        public Ssh {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(port, "port");
            host = requireHost(host);
            if (port.isPresent()) {
                requirePort(port.getAsInt());
            }
        }

        @Override
        public String toString() {
            return "ssh=" + user.map(u -> u + "@").orElse("") + bracketed(host)
                    + (port.isPresent() ? ":" + port.getAsInt() : "");
        }
    }

    /** {@code socket=host:port}: a JVM started by a running {@code distest-worker.jar serve}. */
    record Socket(String host, int port) implements Transport {
        public Socket {
            host = requireHost(host);
            requirePort(port);
        }

        @Override
        public String toString() {
            return "socket=" + bracketed(host) + ":" + port;
        }
    }

    /**
     * {@code exec=COMMAND}: a JVM reached through a command's standard input and output ({@code ssh -T host},
     * {@code kubectl exec -i pod --}, {@code sudo -u user}). {@code {i}} in the command makes one command per worker,
     * {@code {i}} being the worker's index in the spec, 0 to N-1.
     *
     * @param commandLine the command as written (for messages and reports)
     * @param words the command split into words as {@code //jvmArgs=} is; never empty
     */
    record Exec(String commandLine, List<String> words) implements Transport {
        /** What a per-worker command contains in place of the worker's index. */
        public static final String INDEX = "{i}";

        public Exec {
            Objects.requireNonNull(commandLine, "commandLine");
            words = List.copyOf(words);
            if (words.isEmpty()) {
                throw new IllegalArgumentException("the command must not be empty");
            }
        }

        /** Whether each worker gets its own command ({@code {i}} appears in it). */
        public boolean perWorker() {
            return commandLine.contains(INDEX);
        }

        /** The words with {@code {i}} replaced by {@code index}. */
        public List<String> wordsFor(int index) {
            return words.stream().map(w -> w.replace(INDEX, Integer.toString(index))).toList();
        }

        @Override
        public String toString() {
            return "exec=" + commandLine;
        }
    }

    private static String requireHost(String host) {
        if (Objects.requireNonNull(host, "host").isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        return host;
    }

    private static void requirePort(int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be from 1 to 65535, got " + port);
        }
    }

    // An IPv6 address needs brackets, or its colons would read as a port separator.
    private static String bracketed(String host) {
        return host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    }
}
