package io.distest.maven.standby;

import io.distest.shared.AtomicFiles;
import io.distest.shared.PrivateFiles;
import io.distest.shared.Sha256;
import io.distest.shared.UserCache;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The worker launches of each module's first run in its last build (its unit tests), kept in this user's private
 * cache ({@code ~/.cache/distest/standby/MODULE.launches}): the next build starts standby workers on them. A launch is a command line this user's build runs, so the directory is checked as
 * the class data sharing cache is, and a file that is not this user's own is not read.
 */
final class LaunchStore {
    private static final String HEADER = "distest-standby-launches 1";
    private static final String SUFFIX = ".launches";

    private final Path directory;

    LaunchStore(Path directory) {
        this.directory = directory;
    }

    /** This user's store, or empty (no standby workers) when the cache cannot be made private. */
    static Optional<LaunchStore> ofThisUser() {
        return UserCache.at(UserCache.directory("standby"), "standby workers' launches").map(LaunchStore::new);
    }

    /** Keeps {@code launches} for the module's next build; none removes what was kept. */
    void write(Path moduleBasedir, List<StandbyLaunch> launches) throws IOException {
        PrivateFiles.directory(directory, "standby workers' launches");
        Path file = file(moduleBasedir);
        if (launches.isEmpty()) {
            Files.deleteIfExists(file);
            return;
        }
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        launches.forEach(launch -> LaunchText.append(text, launch));
        AtomicFiles.writeString(file, text.toString());
    }

    /** The launches the module's first run of its last build started; none when there are none or they cannot be read. */
    List<StandbyLaunch> read(Path moduleBasedir) {
        Path file = file(moduleBasedir);
        try {
            PrivateFiles.check(directory, "standby workers' launches", false, LinkOption.NOFOLLOW_LINKS);
            PrivateFiles.check(file, "standby workers' launches", false, LinkOption.NOFOLLOW_LINKS);
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return !lines.isEmpty() && lines.get(0).equals(HEADER) ? LaunchText.parse(lines.subList(1, lines.size()))
                    : List.of();
        } catch (IOException | RuntimeException noneOrUnreadable) {
            return List.of();
        }
    }

    private Path file(Path moduleBasedir) {
        String module = moduleBasedir.toAbsolutePath().normalize().toString();
        return directory.resolve(Sha256.hex(Sha256.digest().digest(module.getBytes(StandardCharsets.UTF_8)))
                .substring(0, 16) + SUFFIX);
    }

    /** One launch as lines of {@code KEY TAB VALUE}, values escaped: a JVM argument may hold a line break. */
    static final class LaunchText {
        private LaunchText() {}

        static void append(StringBuilder text, StandbyLaunch launch) {
            line(text, "worker", launch.workerId());
            line(text, "java", launch.java());
            launch.jvmArgs().forEach(arg -> line(text, "arg", arg));
            launch.classpath().forEach(entry -> line(text, "cp", entry));
            launch.excludedEnvironment().forEach(name -> line(text, "unset", name));
            launch.environment().forEach((name, value) -> line(text, "env", name + "=" + value));
            line(text, "dir", launch.directory().toString());
            line(text, "log", launch.logFile().toString());
            line(text, "argfile", launch.argFile().toString());
            launch.directories().forEach(entry -> line(text, "directory", entry));
            launch.sharing().forEach(arg -> line(text, "sharing", arg));
            text.append("end\n");
        }

        static List<StandbyLaunch> parse(List<String> lines) {
            List<StandbyLaunch> launches = new ArrayList<>();
            Map<String, List<String>> fields = new LinkedHashMap<>();
            for (String line : lines) {
                if (line.equals("end")) {
                    launches.add(launch(fields));
                    fields.clear();
                    continue;
                }
                int tab = line.indexOf('\t');
                if (tab < 0) {
                    throw new IllegalArgumentException("not KEY TAB VALUE: " + line);
                }
                fields.computeIfAbsent(line.substring(0, tab), k -> new ArrayList<>()).add(unescape(line.substring(tab + 1)));
            }
            return launches;
        }

        private static StandbyLaunch launch(Map<String, List<String>> fields) {
            Map<String, String> environment = new LinkedHashMap<>();
            for (String variable : fields.getOrDefault("env", List.of())) {
                int equals = variable.indexOf('=');
                environment.put(variable.substring(0, equals), variable.substring(equals + 1));
            }
            return new StandbyLaunch(one(fields, "java"), fields.getOrDefault("arg", List.of()),
                    fields.getOrDefault("cp", List.of()), one(fields, "worker"), fields.getOrDefault("unset", List.of()),
                    environment, Path.of(one(fields, "dir")), Path.of(one(fields, "log")),
                    Path.of(one(fields, "argfile")), fields.getOrDefault("directory", List.of()),
                    fields.getOrDefault("sharing", List.of()));
        }

        private static String one(Map<String, List<String>> fields, String key) {
            List<String> values = fields.get(key);
            if (values == null || values.size() != 1) {
                throw new IllegalArgumentException("a launch needs one " + key);
            }
            return values.get(0);
        }

        private static void line(StringBuilder text, String key, String value) {
            text.append(key).append('\t').append(value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r")
                    .replace("\t", "\\t")).append('\n');
        }

        private static String unescape(String value) {
            StringBuilder out = new StringBuilder(value.length());
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c != '\\' || i + 1 == value.length()) {
                    out.append(c);
                    continue;
                }
                char next = value.charAt(++i);
                out.append(switch (next) {
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    default -> next;
                });
            }
            return out.toString();
        }
    }
}
