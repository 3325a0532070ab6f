package io.distest.worker.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class QuarkusProfileKeyTest {
    static final class MockedMail {}

    @Retention(RetentionPolicy.RUNTIME)
    @QuarkusTest
    @interface OurIntegrationTest {}

    @QuarkusTest
    static class OrdersTest {
        @Nested
        class WhenEmpty {}
    }

    @QuarkusTest
    @TestProfile(MockedMail.class)
    static class MailTest {}

    @OurIntegrationTest
    static class ThroughAStereotypeTest {}

    static class SubclassTest extends MailTest {}

    static class PlainTest {}

    @Test
    void classesWithTheSameProfileShareOneApplication() {
        assertEquals("quarkus:default", QuarkusProfileKey.of(OrdersTest.class));
        assertEquals("quarkus:default", QuarkusProfileKey.of(ThroughAStereotypeTest.class), "a meta-annotation counts");
        assertEquals("quarkus:default", QuarkusProfileKey.of(OrdersTest.WhenEmpty.class), "a nested class is its outer's");
        assertEquals("quarkus:" + MockedMail.class.getName(), QuarkusProfileKey.of(MailTest.class));
        assertEquals("quarkus:" + MockedMail.class.getName(), QuarkusProfileKey.of(SubclassTest.class));
    }

    @Test
    void aClassWithoutQuarkusHasNoKey() {
        assertEquals("", QuarkusProfileKey.of(PlainTest.class));
        assertEquals("", new SharedFixtures(getClass().getClassLoader()).after(PlainTest.class.getName()));
    }
}
