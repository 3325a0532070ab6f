package io.distest.maven.gateway.ssh;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The part of an OpenSSH client config file ({@code ~/.ssh/config}, see {@code ssh_config(5)}) that distest needs
 * to reach a host the way {@code ssh} would: {@code HostName}, {@code User}, {@code Port} and {@code IdentityFile}.
 *
 * <p>What is understood:
 * <ul>
 *   <li>{@code Host} lines with several patterns, {@code *} and {@code ?} wildcards and {@code !} negation (a
 *       negated match disables the block even if another pattern matched). Patterns are matched against the name
 *       given on the command line (the alias), ignoring case. Lines before the first {@code Host} apply to all
 *       hosts.</li>
 *   <li>Keywords in any case, {@code Keyword value} or {@code Keyword=value}, double- or single-quoted arguments,
 *       {@code #} comments (whole lines, or a word starting with {@code #}).</li>
 *   <li>The first obtained value wins, as in {@code ssh}; {@code IdentityFile} accumulates (every matching line adds
 *       a key, in order).</li>
 *   <li>{@code HostName} tokens {@code %h} (the alias) and {@code %%}.</li>
 *   <li>{@code IdentityFile}: {@code ~} and {@code ~/}, {@code ${ENV}}, and the tokens {@code %d} (local home),
 *       {@code %u} (local user), {@code %h} (the remote host name, after {@code HostName}), {@code %n} (the alias
 *       as given), {@code %r} (the remote user), {@code %p} (the port), {@code %l} (the local host name),
 *       {@code %%}. {@code IdentityFile none} is ignored.</li>
 *   <li>{@code Include}, with globs, up to 16 levels deep: files without an absolute path are taken relative to the
 *       directory of the top-level config file ({@code ~/.ssh} for the default one, as OpenSSH does for user
 *       configs). An {@code Include} inside a {@code Host} block applies only when that block does.</li>
 * </ul>
 * What is not: {@code Match} blocks other than {@code Match all} are skipped entirely (their criteria need state
 * this parser does not have: {@code exec}, canonicalization, final pass), so a value set only under a
 * {@code Match host ...} block is not seen. {@code ProxyJump}, {@code ProxyCommand}, {@code CanonicalizeHostname},
 * {@code HostKeyAlias} and every other keyword are ignored. The system-wide {@code /etc/ssh/ssh_config} is not read.
 */
public final class SshConfig {

    private static final int MAX_INCLUDE_DEPTH = 16;

    private static final SshConfig EMPTY = new SshConfig(List.of());

    /**
     * One {@code Keyword args...} line with the conditions under which it applies.
     *
     * @param conditions every pattern list must match the alias (the enclosing {@code Host} lines, outermost first)
     * @param never      inside a {@code Match} block this parser cannot evaluate: never applies
     */
    private record Entry(List<List<String>> conditions, boolean never, String keyword, List<String> args, String where) {
        boolean appliesTo(String alias) {
            return !never && conditions.stream().allMatch(patterns -> hostMatches(alias, patterns));
        }
    }

    private final List<Entry> entries;

    private SshConfig(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** A config with no entries: every host resolves to itself, with no user, port or identity files. */
    public static SshConfig empty() {
        return EMPTY;
    }

    /**
     * Reads an OpenSSH client config file. An absent file is an empty config.
     *
     * @throws IOException when the file (or an included one) cannot be read, or a value distest uses is malformed
     *                     (a {@code Port} that is not a number from 1 to 65535, a keyword without its argument);
     *                     the message names the file and line
     */
    public static SshConfig parse(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        if (!Files.exists(file)) {
            return EMPTY;
        }
        List<Entry> entries = new ArrayList<>();
        Path base = file.toAbsolutePath().getParent();
        parseFile(file, base, List.of(), false, 0, entries);
        return new SshConfig(entries);
    }

    /**
     * What {@code ssh} would use for {@code aliasOrHost} given no command-line user or port; see
     * {@link #resolve(String, Optional, OptionalInt)}.
     */
    public Resolved resolve(String aliasOrHost) {
        return resolve(aliasOrHost, Optional.empty(), OptionalInt.empty());
    }

    /**
     * What {@code ssh [-l user] [-p port] aliasOrHost} would use: a user or port given here wins over the config
     * (they come first, like {@code ssh}'s command line), and takes part in {@code %r}/{@code %p} expansion.
     * The local user name and port 22 are <em>not</em> filled in: an empty user or port means "nobody said".
     */
    public Resolved resolve(String aliasOrHost, Optional<String> user, OptionalInt port) {
        Objects.requireNonNull(aliasOrHost, "aliasOrHost");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(port, "port");
        if (aliasOrHost.isBlank()) {
            throw new IllegalArgumentException("aliasOrHost must not be blank");
        }
        String hostName = null;
        String configUser = null;
        Integer configPort = null;
        List<String> identityFiles = new ArrayList<>();
        for (Entry e : entries) {
            if (!e.appliesTo(aliasOrHost)) {
                continue;
            }
            String value = e.args().get(0);
            switch (e.keyword()) {
                case "hostname" -> hostName = hostName != null ? hostName : value;
                case "user" -> configUser = configUser != null ? configUser : value;
                case "port" -> configPort = configPort != null ? configPort : Integer.parseInt(value);
                case "identityfile" -> identityFiles.add(value);
                default -> { }
            }
        }
        String resolvedHost = hostName == null ? aliasOrHost : expandHostName(hostName, aliasOrHost);
        Optional<String> resolvedUser = user.isPresent() ? user : Optional.ofNullable(configUser);
        OptionalInt resolvedPort = port.isPresent() ? port
                : configPort == null ? OptionalInt.empty() : OptionalInt.of(configPort);
        Set<Path> keys = new LinkedHashSet<>();
        for (String raw : identityFiles) {
            if (!raw.equalsIgnoreCase("none")) {
                keys.add(Path.of(expandIdentityFile(raw, aliasOrHost, resolvedHost,
                        resolvedUser.orElse(localUser()), resolvedPort.orElse(22))));
            }
        }
        return new Resolved(resolvedHost, resolvedUser, resolvedPort, List.copyOf(keys));
    }

    /**
     * What the config says about one host.
     *
     * @param hostName      the real host name to connect to ({@code HostName}, or the alias itself)
     * @param user          the remote user, when the caller or the config named one
     * @param port          the port, when the caller or the config named one
     * @param identityFiles the {@code IdentityFile} entries that apply, expanded, in order, without duplicates
     */
    public record Resolved(String hostName, Optional<String> user, OptionalInt port, List<Path> identityFiles) {
        public Resolved {
            Objects.requireNonNull(hostName, "hostName");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(port, "port");
            identityFiles = List.copyOf(identityFiles);
        }
    }

    // ---------------------------------------------------------------------------------------------- parsing

    private static void parseFile(Path file, Path base, List<List<String>> outer, boolean outerNever, int depth,
            List<Entry> out) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return;
        }
        List<List<String>> conditions = outer;
        boolean never = outerNever;
        for (int i = 0; i < lines.size(); i++) {
            String where = file + ":" + (i + 1);
            List<String> words = words(lines.get(i), where);
            if (words.isEmpty()) {
                continue;
            }
            String keyword = words.get(0).toLowerCase(Locale.ROOT);
            List<String> args = words.subList(1, words.size());
            switch (keyword) {
                case "host" -> {
                    requireArgument(keyword, args, where);
                    List<List<String>> c = new ArrayList<>(outer);
                    c.add(List.copyOf(args));
                    conditions = List.copyOf(c);
                    never = outerNever;
                }
                case "match" -> {
                    requireArgument(keyword, args, where);
                    conditions = outer;
                    // Only "Match all" can be evaluated here; any other criteria disable the block (see class doc).
                    never = outerNever || !(args.size() == 1 && args.get(0).equalsIgnoreCase("all"));
                }
                case "include" -> {
                    requireArgument(keyword, args, where);
                    if (depth >= MAX_INCLUDE_DEPTH) {
                        throw new IOException(where + ": Include nested more than " + MAX_INCLUDE_DEPTH
                                + " levels deep (a loop?)");
                    }
                    for (String pattern : args) {
                        for (Path included : glob(base, tilde(pattern))) {
                            parseFile(included, base, conditions, never, depth + 1, out);
                        }
                    }
                }
                case "hostname", "user", "identityfile" -> {
                    requireArgument(keyword, args, where);
                    out.add(new Entry(conditions, never, keyword, List.copyOf(args), where));
                }
                case "port" -> {
                    requireArgument(keyword, args, where);
                    int port;
                    try {
                        port = Integer.parseInt(args.get(0));
                    } catch (NumberFormatException e) {
                        port = -1;
                    }
                    if (port < 1 || port > 65535) {
                        throw new IOException(where + ": Port must be a number from 1 to 65535, got '"
                                + args.get(0) + "'");
                    }
                    out.add(new Entry(conditions, never, keyword, List.of(Integer.toString(port)), where));
                }
                default -> { } // every other keyword is ignored
            }
        }
    }

    private static void requireArgument(String keyword, List<String> args, String where) throws IOException {
        if (args.isEmpty()) {
            throw new IOException(where + ": " + keyword + " needs an argument");
        }
    }

    /**
     * Splits a line into keyword and arguments: {@code Keyword value}, {@code Keyword=value} and
     * {@code Keyword = value} are the same; quotes group words; an unquoted word starting with {@code #} ends the line.
     */
    static List<String> words(String line, String where) throws IOException {
        List<String> words = new ArrayList<>();
        int i = 0;
        int n = line.length();
        // the keyword ends at whitespace or '='
        while (i < n && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        if (i == n || line.charAt(i) == '#') {
            return words;
        }
        int start = i;
        while (i < n && !Character.isWhitespace(line.charAt(i)) && line.charAt(i) != '=') {
            i++;
        }
        words.add(line.substring(start, i));
        while (i < n && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        if (i < n && line.charAt(i) == '=') {
            i++;
        }
        while (i < n) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (c == '#') {
                break;
            }
            StringBuilder word = new StringBuilder();
            while (i < n && !Character.isWhitespace(line.charAt(i))) {
                char q = line.charAt(i);
                if (q == '"' || q == '\'') {
                    int end = line.indexOf(q, i + 1);
                    if (end < 0) {
                        throw new IOException(where + ": unterminated quote");
                    }
                    word.append(line, i + 1, end);
                    i = end + 1;
                } else {
                    word.append(q);
                    i++;
                }
            }
            words.add(word.toString());
        }
        return words;
    }

    private static List<Path> glob(Path base, String pattern) throws IOException {
        Path path = Path.of(pattern);
        if (!path.isAbsolute()) {
            path = base.resolve(path);
        }
        String name = path.getFileName().toString();
        if (name.indexOf('*') < 0 && name.indexOf('?') < 0 && name.indexOf('[') < 0) {
            return Files.isRegularFile(path) ? List.of(path) : List.of();
        }
        Path dir = path.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + name);
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> matcher.matches(p.getFileName()) && Files.isRegularFile(p)).sorted().toList();
        }
    }

    // ---------------------------------------------------------------------------------------------- matching

    /**
     * OpenSSH's pattern-list rule: the block applies when some pattern matches and no negated pattern does.
     */
    static boolean hostMatches(String host, List<String> patterns) {
        boolean matched = false;
        for (String p : patterns) {
            boolean negated = p.startsWith("!");
            if (wildcardMatches(negated ? p.substring(1) : p, host)) {
                if (negated) {
                    return false;
                }
                matched = true;
            }
        }
        return matched;
    }

    /** {@code *} matches any run of characters, {@code ?} exactly one; case is ignored. */
    static boolean wildcardMatches(String pattern, String text) {
        String p = pattern.toLowerCase(Locale.ROOT);
        String t = text.toLowerCase(Locale.ROOT);
        int pi = 0;
        int ti = 0;
        int star = -1;
        int mark = 0;
        while (ti < t.length()) {
            if (pi < p.length() && (p.charAt(pi) == '?' || p.charAt(pi) == t.charAt(ti))) {
                pi++;
                ti++;
            } else if (pi < p.length() && p.charAt(pi) == '*') {
                star = pi++;
                mark = ti;
            } else if (star >= 0) {
                pi = star + 1;
                ti = ++mark;
            } else {
                return false;
            }
        }
        while (pi < p.length() && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == p.length();
    }

    // ---------------------------------------------------------------------------------------------- expansion

    private static String expandHostName(String value, String alias) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' && i + 1 < value.length()) {
                char t = value.charAt(++i);
                switch (t) {
                    case 'h' -> out.append(alias);
                    case '%' -> out.append('%');
                    default -> out.append('%').append(t);
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String expandIdentityFile(String value, String alias, String host, String remoteUser, int port) {
        String v = tilde(value);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '%' && i + 1 < v.length()) {
                char t = v.charAt(++i);
                switch (t) {
                    case 'd' -> out.append(home());
                    case 'u' -> out.append(localUser());
                    case 'h' -> out.append(host);
                    case 'n' -> out.append(alias);
                    case 'r' -> out.append(remoteUser);
                    case 'p' -> out.append(port);
                    case 'l' -> out.append(localHostName());
                    case '%' -> out.append('%');
                    default -> out.append('%').append(t);
                }
            } else if (c == '$' && i + 1 < v.length() && v.charAt(i + 1) == '{' && v.indexOf('}', i) > 0) {
                int end = v.indexOf('}', i);
                String name = v.substring(i + 2, end);
                out.append(Objects.requireNonNullElse(System.getenv(name), ""));
                i = end;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String tilde(String path) {
        if (path.equals("~")) {
            return home();
        }
        if (path.startsWith("~/")) {
            return home() + path.substring(1);
        }
        return path;
    }

    private static String home() {
        return System.getProperty("user.home");
    }

    private static String localUser() {
        return System.getProperty("user.name");
    }

    private static String localHostName() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            int dot = name.indexOf('.');
            return dot > 0 ? name.substring(0, dot) : name;
        } catch (IOException e) {
            return "localhost";
        }
    }

    @Override
    public String toString() {
        return "SshConfig[" + entries.size() + " entries]";
    }
}
