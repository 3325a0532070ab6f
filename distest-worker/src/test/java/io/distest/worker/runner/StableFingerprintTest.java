package io.distest.worker.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class StableFingerprintTest {
    /** Stands for a context customizer: equal by content, printed and hashed by identity. */
    static final class Customizer {
        final Set<Object> imports;
        final Class<?> testClass;
        final Object logger = new Object();

        Customizer(Class<?> testClass, Object... imports) {
            this.testClass = testClass;
            this.imports = new LinkedHashSet<>(List.of(imports));
        }
    }

    static final class FirstTest {}

    static final class SecondTest {}

    @Test
    void equalContentGivesTheSameTextWhateverTheInstanceAndTheSetsOrder() {
        String first = StableFingerprint.of(new Customizer(FirstTest.class, String.class, Integer.class), FirstTest.class,
                Set.of("logger"));
        String second = StableFingerprint.of(new Customizer(SecondTest.class, Integer.class, String.class),
                SecondTest.class, Set.of("logger"));
        assertEquals(first, second);
        assertFalse(first.matches(".*@[0-9a-f]{4,}.*"), "no identity hash: " + first);
    }

    @Test
    void differentContentGivesADifferentText() {
        assertNotEquals(StableFingerprint.of(new Customizer(FirstTest.class, String.class), FirstTest.class, Set.of()),
                StableFingerprint.of(new Customizer(FirstTest.class, Integer.class), FirstTest.class, Set.of()));
    }

    @Test
    void keepsTheTestClassWhereItIsNotTheOneLeftOut() {
        String text = StableFingerprint.of(new Customizer(FirstTest.class), SecondTest.class, Set.of("logger"));
        assertTrue(text.contains(FirstTest.class.getName()), text);
    }

    @Test
    void printsMapsInKeyOrderAndStopsAtCycles() {
        Map<String, Object> map = new TreeMap<>(Map.of("b", 2, "a", 1));
        Object[] cycle = new Object[1];
        cycle[0] = cycle;
        assertEquals("[a=1, b=2]", StableFingerprint.of(map, null, Set.of()));
        assertEquals("[[Ljava.lang.Object;,]", StableFingerprint.of(cycle, null, Set.of()));
    }

    @Test
    void hashesToSixteenHexDigits() {
        assertTrue(StableFingerprint.hash("x").matches("[0-9a-f]{16}"));
        assertNotEquals(StableFingerprint.hash("x"), StableFingerprint.hash("y"));
    }

    @Test
    void aClassWithoutSpringAnnotationsDoesNotUseSpringsTestSupport() {
        assertFalse(SpringContextKey.usesSpringTest(FirstTest.class));
        assertEquals("", new SpringContextKey(getClass().getClassLoader()).after(FirstTest.class.getName()));
    }
}
