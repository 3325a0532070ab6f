package io.distest.worker.use;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distest.worker.boot.UseLog;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rewritten classes log their use per unit, also when a later unit uses what an earlier one loaded. The fixture
 * classes are defined from rewritten bytes by a loader of their own; the log is this JVM's (no agent needed).
 */
class ProjectClassRewriterTest {
    private static final String FIXTURE = "io.distest.worker.use.fixture.";
    private static ClassLoader rewriting;

    @BeforeAll
    static void loader() {
        UseLog.startUnit(); // what the JVM used before its first unit counts for every unit: settle that first
        UseLog.endUnit();
        rewriting = new ClassLoader(ProjectClassRewriterTest.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (!name.startsWith(FIXTURE)) {
                    return super.loadClass(name, resolve);
                }
                synchronized (getClassLoadingLock(name)) {
                    Class<?> loaded = findLoadedClass(name);
                    if (loaded != null) {
                        return loaded;
                    }
                    String internal = name.replace('.', '/');
                    try (InputStream in = getParent().getResourceAsStream(internal + ".class")) {
                        byte[] bytes = ProjectClassRewriter.rewrite(internal, in.readAllBytes());
                        return defineClass(name, bytes, 0, bytes.length);
                    } catch (IOException e) {
                        throw new ClassNotFoundException(name, e);
                    }
                }
            }
        };
    }

    @Test
    void anInheritedMethodLogsItsClassAndTheObjectsOwnInEveryUnitThatCallsIt() throws Exception {
        UseLog.startUnit();
        Object sub = rewriting.loadClass(FIXTURE + "Sub").getDeclaredConstructor().newInstance();
        UseLog.endUnit();
        UseLog.startUnit();
        assertEquals(7, sub.getClass().getMethod("value").invoke(sub));
        List<String> used = UseLog.endUnit().get(0);
        assertTrue(used.contains(name("Base")), used.toString());
        assertTrue(used.contains(name("Sub")), used.toString());
    }

    @Test
    void readingAnotherClasssStaticFieldLogsThatClassAgainInALaterUnit() throws Exception {
        Class<?> reader = rewriting.loadClass(FIXTURE + "Reader");
        UseLog.startUnit();
        assertEquals(2, reader.getMethod("names").invoke(null));
        UseLog.endUnit();
        UseLog.startUnit();
        assertEquals(2, reader.getMethod("names").invoke(null));
        List<String> used = UseLog.endUnit().get(0);
        assertTrue(used.contains(name("Holder")), used.toString());
        assertTrue(used.contains(name("Reader")), used.toString());
    }

    @Test
    void aUnitThatUsesNothingOfTheProjectLogsNoneOfIt() throws Exception {
        rewriting.loadClass(FIXTURE + "Reader").getMethod("names").invoke(null);
        UseLog.startUnit();
        List<String> used = UseLog.endUnit().get(0);
        assertFalse(used.contains(name("Reader")), used.toString());
        assertFalse(used.contains(name("Holder")), used.toString());
    }

    private static String name(String simple) {
        return (FIXTURE + simple).replace('.', '/');
    }
}
