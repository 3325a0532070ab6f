package io.distest.shared;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecretsTest {
    @Test
    void tokensAreFreshEachTimeAndSafeInFileNamesAndEnvironments() {
        String first = Secrets.token(24);
        assertTrue(first.matches("[A-Za-z0-9_-]{32}"), first);
        assertNotEquals(first, Secrets.token(24));
    }

    @Test
    void idsAreHexOfTheAskedLength() {
        assertTrue(Secrets.hexId(12).matches("[0-9a-f]{24}"));
    }
}
