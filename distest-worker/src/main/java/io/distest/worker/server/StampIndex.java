package io.distest.worker.server;

import io.distest.shared.PrivateFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The file {@link ContentStore} keeps its verified stamps in: a header line, then one line per entry, its hash, a
 * tab, and the stamp's own fields. It is read only if it is a regular file of this user that group and others
 * cannot write (otherwise it is ignored, saying why), and replaced atomically, never written in place.
 */
final class StampIndex {
    static final String HEADER = "distest cas stamps v1";
    /** An index larger than this is not read (a store of a few hundred thousand entries). */
    private static final long MAX_BYTES = 64L * 1024 * 1024;

    private StampIndex() {}

    /** Hash → the rest of its line; empty if the file is absent, not trustworthy or not an index (then logged). */
    static Map<String, String> read(Path index, PrintStream log) {
        Map<String, String> lines = new HashMap<>();
        try {
            PrivateFiles.check(index, "the cache index", false, LinkOption.NOFOLLOW_LINKS);
            if (!Files.isRegularFile(index, LinkOption.NOFOLLOW_LINKS) || Files.size(index) > MAX_BYTES) {
                throw new IOException("it is not a regular file of at most " + MAX_BYTES + " bytes");
            }
            try (SeekableByteChannel channel = Files.newByteChannel(index, Set.of(StandardOpenOption.READ,
                    LinkOption.NOFOLLOW_LINKS));
                    BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel),
                            StandardCharsets.UTF_8))) {
                if (!HEADER.equals(in.readLine())) {
                    throw new IOException("it does not start with \"" + HEADER + "\"");
                }
                for (String line; (line = in.readLine()) != null; ) {
                    int tab = line.indexOf('\t');
                    if (tab > 0) {
                        lines.put(line.substring(0, tab), line.substring(tab + 1));
                    }
                }
            }
        } catch (NoSuchFileException e) {
            return Map.of(); // the first server on this root
        } catch (IOException | RuntimeException e) {
            log.println("distest server: ignored the cache index " + index + ": " + e.getMessage()
                    + "; every cache entry is hashed again before use");
            return Map.of();
        }
        return lines;
    }

    /** Writes {@code lines} to a new private file in {@code tempDirectory}, then moves it over {@code index}. */
    static void write(Path index, Path tempDirectory, Map<String, String> lines) throws IOException {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        lines.forEach((sha256, rest) -> text.append(sha256).append('\t').append(rest).append('\n'));
        Path temp = tempDirectory.resolve("index-" + UUID.randomUUID());
        try {
            try (var channel = Files.newByteChannel(temp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS), PrivateFiles.mode(PrivateFiles.FILE))) {
                ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
            }
            Files.move(temp, index, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
