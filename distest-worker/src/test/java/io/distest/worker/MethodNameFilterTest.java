package io.distest.worker;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MethodNameFilterTest {
    @Test
    void globsMatchWholeNamesWithStarAndQuestionMark() {
        assertTrue(MethodNameFilter.compile("test*").matcher("testAdd").matches());
        assertTrue(MethodNameFilter.compile("t?st").matcher("test").matches());
        assertFalse(MethodNameFilter.compile("test").matcher("testAdd").matches());
    }

    @Test
    void otherCharactersAreLiteral() {
        assertTrue(MethodNameFilter.compile("a.b(c)").matcher("a.b(c)").matches());
        assertFalse(MethodNameFilter.compile("a.b").matcher("axb").matches());
    }
}
