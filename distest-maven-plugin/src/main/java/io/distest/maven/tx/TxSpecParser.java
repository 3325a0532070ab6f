package io.distest.maven.tx;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One parse of one (already stripped) tx spec, for {@link TxSpecs}; positions are indexes into {@code spec}. Every
 * error quotes the spec and underlines the bad part.
 */
final class TxSpecParser {
    private static final String KNOWN_KEYS = "java, jvmArgs, chdir, env:NAME, id";
    private static final List<String> PLAIN_KEYS = List.of("java", "jvmArgs", "chdir", "id");

    // After the first "//", a "//" separates keys only if a key-like thing follows: a known key
    // (even without its "=", so that gets reported), any NAME= (so an unknown key gets reported),
    // or the end of the spec (so a trailing "//" gets reported). Any other "//" is part of a value.
    private static final Pattern KEY_START = Pattern.compile(
            "$|\\s*(?:(?:java|jvmArgs|chdir|id|env:\\w*)\\s*(?://|$)|[A-Za-z_][\\w.:-]*\\s*=)");
    private static final Pattern HOST_CHAR = Pattern.compile("[A-Za-z0-9._-]");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*(?:%[\\w.-]+)?");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]+");

    private final String spec;
    private int count = 1;
    private Transport transport;
    private String java;
    private List<String> jvmArgs = List.of();
    private String chdir;
    private final Map<String, String> env = new LinkedHashMap<>();
    private String id;
    private final Set<String> seenKeys = new HashSet<>();

    TxSpecParser(String spec) {
        this.spec = spec;
    }

    TxSpec parse() {
        if (spec.isEmpty()) {
            throw new TxSpecException("Invalid tx spec \"\": the spec is empty\n" + TxSpecs.ACCEPTED);
        }
        int first = isExec() ? execEnd() : spec.indexOf("//");
        parseHead(first < 0 ? spec.length() : first);
        if (first >= 0) {
            int start = first + 2;
            int from = start;
            while (true) {
                int separator = spec.indexOf("//", from);
                if (separator < 0) {
                    parseKey(start, spec.length());
                    break;
                }
                if (startsKey(separator + 2)) {
                    parseKey(start, separator);
                    start = separator + 2;
                    from = start;
                } else {
                    from = separator + 1; // a "//" inside a value
                }
            }
        }
        return new TxSpec(spec, count, transport, Optional.ofNullable(java), jvmArgs,
                Optional.ofNullable(chdir), env, Optional.ofNullable(id));
    }

    /** {@code [N*]exec=}: its command has spaces and may hold "//" (a URL), so it ends only where a key starts. */
    private boolean isExec() {
        int star = spec.indexOf('*');
        int kind = star >= 0 && star < spec.indexOf('=') ? star + 1 : 0;
        return spec.startsWith("exec=", kind);
    }

    private int execEnd() {
        for (int at = spec.indexOf("//"); at >= 0; at = spec.indexOf("//", at + 1)) {
            if (startsKey(at + 2)) {
                return at;
            }
        }
        return -1;
    }

    private boolean startsKey(int at) {
        return KEY_START.matcher(spec).region(at, spec.length()).lookingAt();
    }

    /** {@code [N*]KIND[=ADDRESS]}, which ends at {@code end}. */
    private void parseHead(int end) {
        for (int i = 0; i < end && !isExec(); i++) {
            if (Character.isWhitespace(spec.charAt(i))) {
                throw whitespaceAt(i);
            }
        }
        int kindStart = 0;
        // Only a "*" before the address counts: "ssh=a*b" is a bad host, not a bad N.
        int firstEq = indexIn('=', 0, end);
        int star = indexIn('*', 0, firstEq < 0 ? end : firstEq);
        if (star >= 0) {
            count = parseCount(star);
            kindStart = star + 1;
        }
        int eq = indexIn('=', kindStart, end);
        int kindEnd = eq < 0 ? end : eq;
        String kind = spec.substring(kindStart, kindEnd);
        switch (kind) {
            case "popen" -> {
                if (eq >= 0) {
                    throw fail(eq, end, "popen takes no address");
                }
                transport = new Transport.Popen();
            }
            case "ssh" -> transport = parseSsh(kindStart, eq, end);
            case "socket" -> transport = parseSocket(kindStart, eq, end);
            case "exec" -> transport = parseExec(kindStart, eq, end);
            case "" -> throw fail(kindStart, kindEnd, "missing gateway kind");
            default -> throw fail(kindStart, kindEnd, "unknown gateway kind \"" + kind + "\"");
        }
    }

    private int parseCount(int star) {
        String text = spec.substring(0, star);
        if (text.isEmpty()) {
            throw fail(star, star + 1, "missing N before \"*\"; N must be a number from 1 to " + TxSpecs.MAX_COUNT);
        }
        int n = TxSpecs.numberUpTo(text, TxSpecs.MAX_COUNT);
        if (n < 1) {
            throw fail(0, star, "N must be a number from 1 to " + TxSpecs.MAX_COUNT + ", got \"" + text + "\"");
        }
        return n;
    }

    private Transport parseSsh(int kindStart, int eq, int end) {
        if (eq < 0 || eq + 1 == end) {
            throw fail(kindStart, end, "ssh needs an address: ssh=[user@]host[:port]");
        }
        int start = eq + 1;
        // The last "@" separates: some accounts are named like user@domain.
        int at = spec.lastIndexOf('@', end - 1);
        Optional<String> user = Optional.empty();
        int hostStart = start;
        if (at >= start) {
            String name = spec.substring(start, at);
            if (name.isEmpty()) {
                throw fail(at, at + 1, "missing user before \"@\"");
            }
            if (name.indexOf(':') >= 0) {
                throw fail(start, at, "user \"" + name + "\" must not contain \":\";"
                        + " a tx spec takes no password (use ssh keys or an agent)");
            }
            if (name.startsWith("-")) {
                // would read as an option to ssh
                throw fail(start, at, "user \"" + name + "\" must not start with \"-\"");
            }
            user = Optional.of(name);
            hostStart = at + 1;
        }
        HostPort address = parseHostPort(hostStart, end);
        return new Transport.Ssh(user, address.host,
                address.port < 0 ? OptionalInt.empty() : OptionalInt.of(address.port));
    }

    private Transport parseSocket(int kindStart, int eq, int end) {
        if (eq < 0 || eq + 1 == end) {
            throw fail(kindStart, end, "socket needs an address: socket=host:port");
        }
        HostPort address = parseHostPort(eq + 1, end);
        if (address.port < 0) {
            throw fail(eq + 1, end, "socket needs a port: socket=host:port");
        }
        return new Transport.Socket(address.host, address.port);
    }

    private Transport parseExec(int kindStart, int eq, int end) {
        String command = spec.substring(eq + 1, end).strip();
        if (command.isEmpty()) {
            throw fail(kindStart, end, "exec needs a command: exec=COMMAND, e.g. exec=ssh -T host");
        }
        List<String> words;
        try {
            words = Arguments.split(command);
        } catch (Arguments.UnterminatedQuote e) {
            int at = spec.indexOf(command, eq + 1) + e.position();
            throw fail(at, at + 1, "unterminated " + e.kind() + " quote in the command");
        }
        if (words.isEmpty()) {
            throw fail(kindStart, end, "exec needs a command: exec=COMMAND, e.g. exec=ssh -T host");
        }
        int brace = command.replace(Transport.Exec.INDEX, "   ").indexOf('{');
        if (brace >= 0 && command.indexOf('}', brace) >= 0) {
            int at = spec.indexOf(command, eq + 1) + brace;
            throw fail(at, command.indexOf('}', brace) + spec.indexOf(command, eq + 1) + 1,
                    "only {i} (the worker's index, 0 to N-1) may stand in braces in an exec command");
        }
        return new Transport.Exec(command, words);
    }

    /** {@code host[:port]} or {@code [ipv6][:port]}; port is -1 when not given. */
    private HostPort parseHostPort(int start, int end) {
        if (start == end) {
            throw fail(start, end, "missing host");
        }
        String host;
        int portColon;
        if (spec.charAt(start) == '[') {
            int close = indexIn(']', start, end);
            if (close < 0) {
                throw fail(start, end, "missing \"]\" after IPv6 address");
            }
            host = spec.substring(start + 1, close);
            if (!IPV6.matcher(host).matches()) {
                throw fail(start + 1, close, "\"" + host + "\" is not an IPv6 address");
            }
            if (close + 1 == end) {
                portColon = -1;
            } else if (spec.charAt(close + 1) == ':') {
                portColon = close + 1;
            } else {
                throw fail(close + 1, end, "expected \":port\" after \"]\"");
            }
        } else {
            portColon = indexIn(':', start, end);
            if (portColon >= 0 && indexIn(':', portColon + 1, end) >= 0) {
                throw fail(start, end, "an IPv6 address needs brackets, e.g. [::1]:22");
            }
            int hostEnd = portColon < 0 ? end : portColon;
            host = spec.substring(start, hostEnd);
            if (host.isEmpty()) {
                throw fail(start, start, "missing host before \":\"");
            }
            for (int i = start; i < hostEnd; i++) {
                char c = spec.charAt(i);
                if (!HOST_CHAR.matcher(String.valueOf(c)).matches()) {
                    throw fail(i, i + 1, "unexpected character \"" + c + "\" in host \"" + host + "\"");
                }
            }
            if (host.startsWith("-")) {
                // would read as an option to ssh
                throw fail(start, hostEnd, "host \"" + host + "\" must not start with \"-\"");
            }
        }
        return new HostPort(host, portColon < 0 ? -1 : parsePort(portColon + 1, end));
    }

    private int parsePort(int start, int end) {
        if (start == end) {
            throw fail(start - 1, start, "missing port after \":\"");
        }
        String text = spec.substring(start, end);
        int port = TxSpecs.numberUpTo(text, 65535);
        if (port < 1) {
            throw fail(start, end, "port must be a number from 1 to 65535, got \"" + text + "\"");
        }
        return port;
    }

    /** One {@code KEY=VALUE} segment, {@code spec[start, end)}, just after its "//". */
    private void parseKey(int start, int end) {
        if (start == end) {
            throw fail(start - 2, start, "empty segment: nothing follows this \"//\"");
        }
        rejectWhitespaceAtEdges(start, end);
        int eq = indexIn('=', start, end);
        int keyEnd = eq < 0 ? end : eq;
        rejectWhitespaceAtEdges(start, keyEnd);
        String key = spec.substring(start, keyEnd);
        boolean isEnv = key.startsWith("env:");
        if (!isEnv && !PLAIN_KEYS.contains(key)) {
            throw fail(start, keyEnd, "unknown key \"" + key + "\"" + suggestion(key)
                    + "; known keys: " + KNOWN_KEYS);
        }
        if (isEnv) {
            String name = key.substring(4);
            if (name.isEmpty()) {
                throw fail(start, keyEnd, "missing variable name after \"env:\"");
            }
            if (!ENV_NAME.matcher(name).matches()) {
                throw fail(start + 4, keyEnd, "invalid environment variable name \"" + name
                        + "\" (expected [A-Za-z_][A-Za-z0-9_]*)");
            }
        }
        if (eq < 0) {
            throw fail(start, end, "missing \"=\" after key \"" + key + "\"; keys take the form KEY=VALUE");
        }
        if (!seenKeys.add(key)) {
            throw fail(start, keyEnd, "key \"" + key + "\" is given twice; each key may appear once");
        }
        int valueStart = eq + 1;
        rejectWhitespaceAtEdges(valueStart, end);
        String value = spec.substring(valueStart, end);
        if (value.isEmpty() && !isEnv) {
            // env:NAME= is meaningful (an empty variable); an empty path or id is not.
            throw fail(start, end, "key \"" + key + "\" needs a value");
        }
        switch (key) {
            case "java" -> java = value;
            case "jvmArgs" -> jvmArgs = splitArgs(valueStart, end);
            case "chdir" -> chdir = value;
            case "id" -> {
                if (!ID.matcher(value).matches()) {
                    throw fail(valueStart, end, "invalid id \"" + value
                            + "\" (use letters, digits, \"_\", \".\" and \"-\")");
                }
                id = value;
            }
            default -> env.put(key.substring(4), value);
        }
    }

    /** Splits {@code spec[start, end)} into arguments; an open quote is pointed at in the spec. */
    private List<String> splitArgs(int start, int end) {
        try {
            return Arguments.split(spec.substring(start, end));
        } catch (Arguments.UnterminatedQuote e) {
            throw fail(start + e.position(), end, "unterminated " + e.kind() + " quote in jvmArgs");
        }
    }

    private String suggestion(String key) {
        for (String known : PLAIN_KEYS) {
            if (known.equalsIgnoreCase(key)) {
                return " (did you mean \"" + known + "\"?)";
            }
        }
        if (key.regionMatches(true, 0, "env:", 0, 4)) {
            return " (did you mean \"env:" + key.substring(4) + "\"?)";
        }
        if (key.toLowerCase(Locale.ROOT).equals("env")) {
            return " (environment variables are given as env:NAME=VALUE)";
        }
        return "";
    }

    private void rejectWhitespaceAtEdges(int start, int end) {
        if (start < end && Character.isWhitespace(spec.charAt(start))) {
            throw whitespaceAt(start);
        }
        if (start < end && Character.isWhitespace(spec.charAt(end - 1))) {
            int from = end - 1;
            while (from > start && Character.isWhitespace(spec.charAt(from - 1))) {
                from--;
            }
            throw fail(from, end, "unexpected whitespace");
        }
    }

    private TxSpecException whitespaceAt(int start) {
        int end = start;
        while (end < spec.length() && Character.isWhitespace(spec.charAt(end))) {
            end++;
        }
        return fail(start, end, "unexpected whitespace");
    }

    private int indexIn(char c, int from, int end) {
        int at = spec.indexOf(c, from);
        return at < end ? at : -1;
    }

    private TxSpecException fail(int start, int end, String problem) {
        return new TxSpecException("Invalid tx spec \"" + spec + "\": " + problem + "\n"
                + "  " + spec + "\n"
                + TxSpecs.caretLine(spec, start, end) + "\n"
                + TxSpecs.ACCEPTED);
    }

    private record HostPort(String host, int port) {
    }
}
