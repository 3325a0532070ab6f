package io.distest.worker.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ContentStore}'s stamp index: what one server verified, the next one on the same root trusts only unchanged. */
class ContentStoreTest {
    @TempDir
    Path root;

    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(logBytes, true, StandardCharsets.UTF_8);
    private Path cas;
    private Path index;
    private final String hello = RunningServer.sha256("hello");

    @BeforeEach
    void layOut() throws IOException {
        cas = Files.createDirectories(root.resolve("cas"));
        Files.createDirectories(root.resolve("incoming"));
        index = root.resolve("cas-stamps.tsv");
    }

    @Test
    void aLaterServerTrustsAnUnchangedEntryWithoutHashingItAgain() throws IOException {
        store(hello, "hello").saveIndex();

        ContentStore next = newStore();
        assertTrue(next.has(hello));
        assertEquals(0, next.entriesHashed(), "the indexed stamp still matches: no hashing");
        Path copy = root.resolve("copy.txt");
        next.materialize(hello, copy, false);
        assertEquals("hello", Files.readString(copy));
    }

    @Test
    void withoutAnIndexEveryEntryIsHashedOnce() throws IOException {
        store(hello, "hello"); // never saved
        ContentStore next = newStore();
        assertTrue(next.has(hello));
        assertTrue(next.has(hello));
        assertEquals(1, next.entriesHashed());
    }

    @Test
    void anEntryRewrittenAfterItWasIndexedIsHashedAgainAndDiscarded() throws Exception {
        store(hello, "hello").saveIndex();
        Path stored = cas.resolve(hello.substring(0, 2)).resolve(hello);
        FileTime modified = Files.getLastModifiedTime(stored);
        Files.writeString(stored, "EVIL!"); // same size; we are root here: a read-only mode does not stop us
        Files.setLastModifiedTime(stored, modified); // re-dated: only the change time tells

        ContentStore next = newStore();
        assertFalse(next.has(hello), "the changed entry is not trusted");
        assertEquals(1, next.entriesHashed());
        assertTrue(logBytes.toString(StandardCharsets.UTF_8).contains("discarded cache entry " + hello), log());
        assertFalse(Files.exists(stored));
    }

    @Test
    void aPlantedEntryWithAForgedIndexLineIsHashedAndDiscarded() throws Exception {
        Path planted = Files.createDirectories(cas.resolve(hello.substring(0, 2))).resolve(hello);
        Files.writeString(planted, "EVIL!");
        // a line in the index's own format, with every field but the change time, which cannot be set back
        Object fileKey = Files.readAttributes(planted, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        Files.writeString(index, StampIndex.HEADER + "\n" + hello + "\ttrue\t" + fileKey + "\t5\t"
                + Files.getLastModifiedTime(planted).toMillis() + "\t2000-01-01T00:00:00Z\n");
        Files.setPosixFilePermissions(index, PosixFilePermissions.fromString("rw-------"));

        ContentStore next = newStore();
        assertFalse(next.has(hello));
        assertEquals(1, next.entriesHashed());
        assertTrue(log().contains("discarded cache entry " + hello + ": its content hashes to"), log());
    }

    @Test
    void anIndexOthersCanWriteIsIgnoredSayingWhy() throws IOException {
        store(hello, "hello").saveIndex();
        Files.setPosixFilePermissions(index, PosixFilePermissions.fromString("rw-rw-rw-"));

        ContentStore next = newStore();
        assertTrue(log().contains("ignored the cache index " + index), log());
        assertTrue(log().contains("chmod go-w"), log());
        assertTrue(next.has(hello));
        assertEquals(1, next.entriesHashed(), "hashed, as if there were no index");
    }

    @Test
    void anIndexThatIsALinkIsIgnored() throws IOException {
        store(hello, "hello").saveIndex();
        Path real = Files.move(index, root.resolve("elsewhere.tsv"));
        Files.createSymbolicLink(index, real);

        ContentStore next = newStore();
        assertTrue(log().contains("symbolic link"), log());
        assertTrue(next.has(hello));
        assertEquals(1, next.entriesHashed());
    }

    @Test
    void theIndexIsPrivateAndKeepsOnlyEntriesStillThere() throws IOException {
        ContentStore first = store(hello, "hello");
        String other = RunningServer.sha256("other");
        try (ContentStore.Incoming incoming = first.receive(other, 5)) {
            incoming.write("other".getBytes(StandardCharsets.UTF_8));
            incoming.commit();
        }
        first.saveIndex();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(index)));
        Files.delete(cas.resolve(other.substring(0, 2)).resolve(other));

        ContentStore next = newStore();
        assertTrue(next.has(hello)); // nothing new verified: the index is not rewritten
        String third = RunningServer.sha256("third");
        try (ContentStore.Incoming incoming = next.receive(third, 5)) {
            incoming.write("third".getBytes(StandardCharsets.UTF_8));
            incoming.commit();
        }
        next.saveIndex();
        List<String> hashes = Files.readAllLines(index).stream().skip(1).map(l -> l.substring(0, l.indexOf('\t'))).sorted().toList();
        assertEquals(List.of(hello, third).stream().sorted().toList(), hashes, "the deleted entry left the index");
    }

    private ContentStore store(String sha256, String content) throws IOException {
        ContentStore store = newStore();
        try (ContentStore.Incoming incoming = store.receive(sha256, content.length())) {
            incoming.write(content.getBytes(StandardCharsets.UTF_8));
            incoming.commit();
        }
        return store;
    }

    private ContentStore newStore() {
        return new ContentStore(cas, root.resolve("incoming"), index, log);
    }

    private String log() {
        return logBytes.toString(StandardCharsets.UTF_8);
    }
}
