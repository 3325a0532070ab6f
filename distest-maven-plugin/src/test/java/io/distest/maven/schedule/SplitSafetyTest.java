package io.distest.maven.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distest.maven.schedule.SplitSafety.Annotated;
import io.distest.maven.schedule.SplitSafety.ClassFacts;
import java.io.File;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Tags;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

class SplitSafetyTest {

    private static ClassFacts onClass(Annotated... annotations) {
        return new ClassFacts(List.of(annotations), List.of(), false);
    }

    private static ClassFacts onMethod(Annotated... annotations) {
        return new ClassFacts(List.of(), List.of(annotations), false);
    }

    private static Optional<String> reason(ClassFacts facts) {
        return SplitSafety.reason(facts, Map.of());
    }

    private static Annotated annotation(String type, Map<String, Object> attributes) {
        return new Annotated(type, attributes);
    }

    @Test
    void aPlainClassMayBeSplit() {
        assertEquals(Optional.empty(), reason(onClass(annotation("org.junit.jupiter.api.DisplayName", Map.of("value", "x")))));
        assertEquals(Optional.empty(), reason(onClass(annotation("org.junit.jupiter.api.TestInstance", Map.of("value", "PER_METHOD")))));
        assertEquals(Optional.empty(), reason(onClass(annotation("org.junit.runner.RunWith",
                Map.of("value", "org.junit.runners.BlockJUnit4ClassRunner")))));
        assertEquals(Optional.empty(), reason(onMethod(annotation("org.testng.annotations.Test",
                Map.of("priority", 0, "dependsOnMethods", List.of(), "dependsOnGroups", List.of(), "groups", List.of("fast"))))));
    }

    @Test
    void keepsOrderedMethodsTogether() {
        assertEquals(Optional.of("@TestMethodOrder orders its methods"),
                reason(onClass(annotation("org.junit.jupiter.api.TestMethodOrder", Map.of()))));
        assertEquals(Optional.of("@FixMethodOrder orders its methods"),
                reason(onClass(annotation("org.junit.FixMethodOrder", Map.of("value", "NAME_ASCENDING")))));
        assertEquals(Optional.of("TestNG priority orders its methods"),
                reason(onMethod(annotation("org.testng.annotations.Test", Map.of("priority", 2)))));
    }

    @Test
    void keepsMethodsThatShareAnInstanceOrDependOnEachOtherTogether() {
        assertEquals(Optional.of("@TestInstance(PER_CLASS): its methods share one instance"),
                reason(onClass(annotation("org.junit.jupiter.api.TestInstance", Map.of("value", "PER_CLASS")))));
        assertEquals(Optional.of("TestNG dependsOnMethods"), reason(onMethod(annotation("org.testng.annotations.Test",
                Map.of("dependsOnMethods", List.of("login"))))));
        assertEquals(Optional.of("TestNG dependsOnGroups"), reason(onClass(annotation("org.testng.annotations.Test",
                Map.of("dependsOnGroups", List.of("init"))))));
        assertEquals(Optional.of("it has @Nested classes"), reason(new ClassFacts(List.of(), List.of(), true)));
    }

    @Test
    void keepsClassesWhoseRunnerOrSuiteDecidesWhatRuns() {
        assertEquals(Optional.of("@RunWith(Parameterized) decides what runs"), reason(onClass(annotation(
                "org.junit.runner.RunWith", Map.of("value", "org.junit.runners.Parameterized")))));
        assertEquals(Optional.of("it is a suite"), reason(onClass(annotation("org.junit.platform.suite.api.Suite", Map.of()))));
    }

    @Test
    void honoursTheOptOutTagAndGroup() {
        assertEquals(Optional.of("@Tag(\"distest-no-split\")"),
                reason(onClass(annotation("org.junit.jupiter.api.Tag", Map.of("value", "distest-no-split")))));
        assertEquals(Optional.of("TestNG group \"distest-no-split\""), reason(onClass(annotation(
                "org.testng.annotations.Test", Map.of("groups", List.of("slow", "distest-no-split"))))));
    }

    @Test
    void honoursJupitersConfiguredDefaults() {
        ClassFacts plain = onClass();
        assertEquals(Optional.of("junit.jupiter.testinstance.lifecycle.default=per_class"),
                SplitSafety.reason(plain, Map.of("junit.jupiter.testinstance.lifecycle.default", "PER_CLASS")));
        assertTrue(SplitSafety.reason(plain, Map.of("junit.jupiter.testmethod.order.default",
                "org.junit.jupiter.api.MethodOrderer$MethodName")).isPresent());
    }

    @TestMethodOrder(MethodOrderer.MethodName.class)
    static class Ordered {}

    static class InheritsOrder extends Ordered {}

    @Retention(RetentionPolicy.RUNTIME)
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @interface SharedInstance {}

    @SharedInstance
    static class ComposedAnnotation {}

    @Tags({@Tag("db"), @Tag("distest-no-split")})
    static class RepeatedTags {}

    static class WithNested {
        @Nested
        class Inner {}
    }

    static class TaggedMethod {
        @Tag("distest-no-split")
        void check() {}
    }

    @Tag("fast")
    static class Plain {
        void check() {}
    }

    @Test
    void readsAnnotationsOfTheClassItsSuperclassesAndComposedAnnotations() {
        assertEquals(Optional.of("@TestMethodOrder orders its methods"), reason(SplitSafety.read(Ordered.class)));
        assertEquals(Optional.of("@TestMethodOrder orders its methods"), reason(SplitSafety.read(InheritsOrder.class)));
        assertEquals(Optional.of("@TestInstance(PER_CLASS): its methods share one instance"),
                reason(SplitSafety.read(ComposedAnnotation.class)));
        assertEquals(Optional.of("@Tag(\"distest-no-split\")"), reason(SplitSafety.read(RepeatedTags.class)));
        assertEquals(Optional.of("it has @Nested classes"), reason(SplitSafety.read(WithNested.class)));
        assertEquals(Optional.of("a method is tagged \"distest-no-split\""), reason(SplitSafety.read(TaggedMethod.class)));
        assertEquals(Optional.empty(), reason(SplitSafety.read(Plain.class)));
    }

    private static List<Path> testClasspath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(Path::of).toList();
    }

    @Test
    void readsAClassOfTheTestClassPathWithoutInitialisingIt() {
        try (SplitSafety safety = new SplitSafety(testClasspath(), Map.of())) {
            assertEquals(Optional.of("@TestMethodOrder orders its methods"),
                    safety.reasonNotToSplit("io.distest.maven.run.fixtures.OrderedFixture"));
            assertEquals(Optional.empty(), safety.reasonNotToSplit("io.distest.maven.run.fixtures.SplittableFixture"));
            assertTrue(safety.reasonNotToSplit("io.distest.NoSuchClass").orElseThrow().contains("could not be read"));
        }
    }
}
