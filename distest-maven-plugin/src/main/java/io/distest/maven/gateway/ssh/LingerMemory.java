package io.distest.maven.gateway.ssh;

import io.distest.shared.AtomicFiles;
import io.distest.shared.PrivateFiles;
import io.distest.shared.Sha256;
import io.distest.shared.UserCache;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The far worker servers this user's builds left lingering, remembered on the build machine
 * ({@code ~/.cache/distest/ssh-servers/KEY.server}: port, token, when the build let go of it): the next build's
 * ssh connection attaches over a tunnel to that port at once, without a far command (a shell, its start-up files,
 * the checks, a round trip or two). What answers there must prove the token, as on the checked path; a server that
 * is gone is forgotten and the checked path taken. The token is the far server's secret, so the file is private
 * (only this user may read it) and its directory is checked as the class data sharing cache is.
 */
final class LingerMemory {
    private static final String SUFFIX = ".server";

    /** A server to attach to: its port on the far host's loopback and its token. */
    record Server(int port, String token) {}

    private final Path directory;

    LingerMemory(Path directory) {
        this.directory = directory;
    }

    /** This user's memory, or empty (every build takes the checked path) when the cache cannot be made private. */
    static Optional<LingerMemory> ofThisUser() {
        return UserCache.at(UserCache.directory("ssh-servers"), "lingering far servers").map(LingerMemory::new);
    }

    /**
     * The server remembered for {@code key} if its build let go of it less than {@code linger} ago (it ends once
     * idle that long); empty otherwise, or when the file is not this user's private one.
     *
     * @param key the account, far root, worker jar and java the server was started with
     */
    Optional<Server> recall(String key, Duration linger, Instant now) {
        Path file = file(key);
        try {
            PrivateFiles.check(directory, "lingering far servers", false, LinkOption.NOFOLLOW_LINKS);
            PrivateFiles.check(file, "a lingering far server's token", true, LinkOption.NOFOLLOW_LINKS);
            String[] words = Files.readString(file, StandardCharsets.UTF_8).trim().split(" ");
            if (words.length != 3 || Instant.ofEpochMilli(Long.parseLong(words[2])).plus(linger).isBefore(now)) {
                return Optional.empty();
            }
            return Optional.of(new Server(Integer.parseInt(words[0]), words[1]));
        } catch (IOException | RuntimeException noneOrUnreadable) {
            return Optional.empty();
        }
    }

    /** Remembers that the build let go of {@code server} at {@code released}: it lingers from then on. */
    void remember(String key, Server server, Instant released) throws IOException {
        PrivateFiles.directory(directory, "lingering far servers");
        AtomicFiles.writeString(file(key), server.port() + " " + server.token() + " " + released.toEpochMilli() + "\n");
    }

    /** Forgets the server of {@code key}: it did not answer as that server. */
    void forget(String key) {
        try {
            Files.deleteIfExists(file(key));
        } catch (IOException ignored) {
            // recalled again next time, and forgotten again
        }
    }

    private Path file(String key) {
        return directory.resolve(Sha256.hex(key.getBytes(StandardCharsets.UTF_8)).substring(0, 32) + SUFFIX);
    }
}
