package io.distest.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distest.maven.PluginDescriptor.Declared;
import io.distest.maven.parameter.Parameters;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each of distest's settings is declared once, in {@link Parameters}, and everything else reads it from there: the
 * main code of this module is read as text for {@code distest.*} literals, messages and defaults written a second
 * time, and the declarations are held against the plugin descriptor.
 */
class SettingsDeclaredOnceTest {
    private static final Path MAIN = Path.of("src/main/java");
    private static final Path DECLARATIONS = MAIN.resolve("io/distest/maven/parameter/Parameters.java");
    /** A string literal of Java source (text blocks are not used in main code). */
    private static final Pattern LITERAL = Pattern.compile("\"([^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+)\"");
    /** A property of distest's own inside a literal: not {@code io.distest.maven}, {@code distest-worker.jar}. */
    private static final Pattern PROPERTY = Pattern.compile("(?<![\\w.\\-/])distest\\.[A-Za-z][\\w.]*[\\w]");

    private static Map<Path, String> sources;
    private static Map<String, String> constants;

    @BeforeAll
    static void read() throws Exception {
        sources = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                sources.put(file, withoutComments(Files.readString(file)));
            }
        }
        assertTrue(sources.containsKey(DECLARATIONS), "not found: " + DECLARATIONS + " in " + sources.keySet());
        constants = new LinkedHashMap<>();
        for (Field field : Parameters.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                constants.put(field.getName(), (String) field.get(null));
            }
        }
    }

    @Test
    void aDistestPropertyIsWrittenAsALiteralOnlyWhereItIsDeclared() {
        List<String> found = new ArrayList<>();
        sources.forEach((file, code) -> {
            if (file.equals(DECLARATIONS)) {
                return;
            }
            Matcher literal = LITERAL.matcher(code);
            while (literal.find()) {
                if (literal.group(1).matches("-?D?distest\\.[\\w.]+=?")) {
                    found.add(MAIN.relativize(file) + ": \"" + literal.group(1) + "\"");
                }
            }
        });
        assertEquals(List.of(), found, "use the constant of " + Parameters.class.getName());
    }

    @Test
    void everyDistestPropertyAMessageNamesIsDeclared() {
        Set<String> declared = new TreeSet<>(constants.values());
        List<String> undeclared = new ArrayList<>();
        sources.forEach((file, code) -> {
            Matcher literal = LITERAL.matcher(code);
            while (literal.find()) {
                Matcher property = PROPERTY.matcher(literal.group(1));
                while (property.find()) {
                    if (!declared.contains(property.group())) {
                        undeclared.add(MAIN.relativize(file) + ": " + property.group() + " in \"" + literal.group(1) + "\"");
                    }
                }
            }
        });
        assertEquals(List.of(), undeclared);
    }

    @Test
    void noOtherMainFileDeclaresADefaultOfADistestSetting() {
        // a setting's last word (LINGER, MIN_TEST_SECONDS_PER_WORKER's WORKER, TX): DEFAULT_LINGER would be a second one
        Set<String> settingWords = constants.entrySet().stream()
                .filter(e -> e.getValue().startsWith(Parameters.PREFIX) && !e.getKey().endsWith("_DEFAULT"))
                .map(e -> e.getKey().substring(e.getKey().lastIndexOf('_') + 1)).filter(word -> word.length() > 1)
                .collect(Collectors.toCollection(TreeSet::new));
        Pattern constant = Pattern.compile("static final [\\w<>., ]+ (\\w*DEFAULT\\w*) =");
        List<String> found = new ArrayList<>();
        sources.forEach((file, code) -> {
            Matcher m = constant.matcher(code);
            while (m.find()) {
                String name = m.group(1);
                if (!file.equals(DECLARATIONS) && List.of(name.split("_")).stream().anyMatch(settingWords::contains)) {
                    found.add(MAIN.relativize(file) + ": " + name);
                }
            }
        });
        assertEquals(List.of(), found, "a default of a setting is declared in " + Parameters.class.getName());
    }

    @Test
    void theDescriptorsDistestPropertiesAndDefaultsAreTheDeclaredOnes() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Declared parameter : PluginDescriptor.parameters()) {
            String property = parameter.property();
            if (property == null || !property.startsWith(Parameters.PREFIX)) {
                continue;
            }
            String name = constantNamed(property);
            if (name == null) {
                wrong.add(parameter + ": " + property + " is not declared");
                continue;
            }
            String declaredDefault = constants.get(name + "_DEFAULT");
            if (!java.util.Objects.equals(declaredDefault, parameter.defaultValue())) {
                wrong.add(parameter + ": default " + parameter.defaultValue() + ", declared " + declaredDefault);
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void theParametersTheEarlySshStartReadsAreTheTestGoalsWithTheirProperties() throws Exception {
        Map<String, String> testGoal = new LinkedHashMap<>();
        for (Declared parameter : PluginDescriptor.parameters()) {
            if (parameter.goal().equals("test")) {
                testGoal.put(parameter.name(), parameter.property());
            }
        }
        Map<String, String> named = new LinkedHashMap<>();
        constants.forEach((constant, value) -> {
            if (constant.endsWith("_PARAMETER")) {
                named.put(value, constants.get(constant.substring(0, constant.length() - "_PARAMETER".length())));
            }
        });
        assertEquals(5, named.size(), named.toString());
        named.forEach((parameter, property) -> assertEquals(property, testGoal.get(parameter),
                "the test goal's parameter " + parameter));
    }

    private static String constantNamed(String value) {
        return constants.entrySet().stream().filter(e -> e.getValue().equals(value)).map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }

    /** The code without comments (where properties are named freely) and char literals; strings are kept whole. */
    private static String withoutComments(String source) {
        Matcher m = Pattern.compile("\"[^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+\"|'(?:\\\\.|[^'\\\\])++'|//[^\\n]*+"
                + "|/\\*.*?\\*/", Pattern.DOTALL).matcher(source);
        StringBuilder code = new StringBuilder();
        while (m.find()) {
            String token = m.group();
            m.appendReplacement(code, Matcher.quoteReplacement(token.startsWith("\"") ? token : " "));
        }
        m.appendTail(code);
        return code.toString();
    }
}
