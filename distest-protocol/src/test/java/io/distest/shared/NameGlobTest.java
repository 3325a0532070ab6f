package io.distest.shared;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NameGlobTest {
    @Test
    void globsMatchWholeNamesWithStarAndQuestionMark() {
        assertTrue(NameGlob.compile("test*").matcher("testAdd").matches());
        assertTrue(NameGlob.compile("t?st").matcher("test").matches());
        assertFalse(NameGlob.compile("test").matcher("testAdd").matches());
    }

    @Test
    void otherCharactersAreLiteral() {
        assertTrue(NameGlob.compile("a.b(c)").matcher("a.b(c)").matches());
        assertFalse(NameGlob.compile("a.b").matcher("axb").matches());
    }
}
