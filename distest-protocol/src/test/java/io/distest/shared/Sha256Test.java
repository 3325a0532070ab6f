package io.distest.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sha256Test {
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void bytesStreamsAndFilesHashAsSha256sumPrintsThem(@TempDir Path dir) throws Exception {
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        Path file = Files.write(dir.resolve("abc"), abc);
        assertEquals(ABC, Sha256.hex(abc));
        assertEquals(ABC, Sha256.hexOf(new ByteArrayInputStream(abc)));
        assertEquals(ABC, Sha256.hexOf(file));
    }

    @Test
    void onlyLowerCaseHexOfSixtyFourDigitsLooksLikeAHash() {
        assertTrue(Sha256.isHex(ABC));
        assertFalse(Sha256.isHex(ABC.toUpperCase()));
        assertFalse(Sha256.isHex(ABC.substring(1)));
        assertFalse(Sha256.isHex("../" + ABC.substring(3)));
        assertFalse(Sha256.isHex(null));
    }
}
