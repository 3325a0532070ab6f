package io.distest.maven.surefire;

import io.distest.maven.parameter.Parameters;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.artifact.versioning.ComparableVersion;

/** How Surefire turns its settings into what a test JVM gets, for the settings distest inherits. */
public final class SurefireRules {
    /** Surefire's {@code properties} key whose value holds JUnit Platform configuration parameters. */
    static final String CONFIGURATION_PARAMETERS = "configurationParameters";

    private static final Pattern LATE = Pattern.compile("@\\{([^}]+)}");

    private SurefireRules() {}

    /**
     * Surefire's late replacement in {@code argLine}: each {@code @{name}} becomes the project property {@code name}
     * as it is when the tests start (set by an earlier plugin, e.g. jacoco's {@code prepare-agent}), else the user
     * property of that name. A name neither knows stays as it is, as Surefire leaves it.
     */
    public static String lateReplace(String argLine, Properties projectProperties, Properties userProperties) {
        if (argLine == null) {
            return null;
        }
        Matcher matcher = LATE.matcher(argLine);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = projectProperties.getProperty(name, userProperties.getProperty(name));
            matcher.appendReplacement(result, Matcher.quoteReplacement(value != null ? value : matcher.group()));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    /** The {@code @{name}} expressions left in an argument line. */
    public static List<String> lateExpressions(String argLine) {
        List<String> names = new ArrayList<>();
        if (argLine != null) {
            Matcher matcher = LATE.matcher(argLine);
            while (matcher.find()) {
                names.add(matcher.group());
            }
        }
        return names;
    }

    /**
     * Surefire's {@code enableAssertions} (default true): the test JVM runs with assertions on unless the argLine
     * turns them off.
     */
    public static boolean assertionsEnabled(boolean enableAssertions, List<String> argLine) {
        return enableAssertions && !argLine.contains("-da") && !argLine.contains("-disableassertions");
    }

    /**
     * The test JVM's system properties, in Surefire's order, later sources winning: {@code systemProperties}, the
     * {@code systemPropertiesFile}, {@code systemPropertyVariables}, then the build's user properties
     * ({@code -Dname=value}) when Surefire's {@code promoteUserPropertiesToSystemProperties} is on. Entries without
     * a value are left out, as Surefire leaves them out.
     *
     * @param userProperties already without the ones that must not reach tests
     */
    public static Map<String, String> systemProperties(Properties systemProperties, Properties fromFile,
            Map<String, String> variables, Properties userProperties) {
        Map<String, String> result = new LinkedHashMap<>();
        copy(systemProperties, result);
        copy(fromFile, result);
        if (variables != null) {
            variables.forEach((name, value) -> {
                if (name != null && value != null) {
                    result.put(name, value);
                }
            });
        }
        copy(userProperties, result);
        return result;
    }

    private static void copy(Properties properties, Map<String, String> into) {
        if (properties != null) {
            for (String name : properties.stringPropertyNames()) {
                into.put(name, properties.getProperty(name));
            }
        }
    }

    /** The build's user properties a test JVM gets: all but distest's own ({@code distest.token} is a secret). */
    public static Properties promotable(Properties userProperties) {
        Properties result = new Properties();
        for (String name : userProperties.stringPropertyNames()) {
            if (!name.startsWith(Parameters.PREFIX)) {
                result.setProperty(name, userProperties.getProperty(name));
            }
        }
        return result;
    }

    /** Loads a properties file (Surefire's {@code systemPropertiesFile}); {@code null} gives nothing. */
    public static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        if (file != null) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
                properties.load(reader);
            }
        }
        return properties;
    }

    /**
     * JUnit Platform configuration parameters from Surefire's
     * {@code <properties><configurationParameters>key = value …</configurationParameters></properties>}: one
     * {@code key=value} per line, in properties-file syntax.
     */
    public static Map<String, String> configurationParameters(Properties properties) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String text = properties == null ? null : properties.getProperty(CONFIGURATION_PARAMETERS);
        if (text != null && !text.isBlank()) {
            Properties parsed = new Properties();
            try {
                parsed.load(new StringReader(text));
            } catch (IOException e) {
                throw new IllegalStateException("reading a string cannot fail", e);
            }
            parsed.stringPropertyNames().stream().sorted()
                    .forEach(name -> parameters.put(name, parsed.getProperty(name).trim()));
        }
        return parameters;
    }

    /** Surefire's {@code properties} entries that are not configuration parameters (provider properties). */
    public static Set<String> providerProperties(Properties properties) {
        Set<String> names = new LinkedHashSet<>();
        if (properties != null) {
            properties.stringPropertyNames().stream().sorted()
                    .filter(name -> !CONFIGURATION_PARAMETERS.equals(name)).forEach(names::add);
        }
        return names;
    }

    /**
     * Patterns from a file of Surefire's {@code includesFile} / {@code excludesFile}: one per line, trimmed; blank
     * lines and lines starting with {@code #} skipped.
     */
    public static List<String> patternFile(Path file) throws IOException {
        List<String> patterns = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String pattern = line.trim();
            if (!pattern.isEmpty() && !pattern.startsWith("#")) {
                patterns.add(pattern);
            }
        }
        return patterns;
    }

    /**
     * The includes Surefire of that version uses when none are configured: {@code **}{@code /*Tests.java} came with
     * Surefire 2.20, so a project on 2.19.1 never selects its {@code AllTests} suite by default.
     *
     * @param surefireVersion the project's maven-surefire-plugin version; {@code null}: the newest rules
     */
    public static List<String> defaultIncludes(String surefireVersion) {
        return before(surefireVersion, "2.20")
                ? List.of("**/Test*.java", "**/*Test.java", "**/*TestCase.java")
                : List.of("**/Test*.java", "**/*Test.java", "**/*Tests.java", "**/*TestCase.java");
    }

    /**
     * The excludes Surefire of that version uses when none are configured: inner classes; before 2.4 also
     * {@code Abstract*Test} and {@code Abstract*TestCase}.
     *
     * @param surefireVersion the project's maven-surefire-plugin version; {@code null}: the newest rules
     */
    public static List<String> defaultExcludes(String surefireVersion) {
        return before(surefireVersion, "2.4")
                ? List.of("**/Abstract*Test.java", "**/Abstract*TestCase.java", "**/*$*")
                : List.of("**/*$*");
    }

    /**
     * Method filters ({@code Class#method}) in the selection patterns, as the project's Surefire takes them: refused in
     * {@code includes} / {@code excludes}, and before Surefire 3.0.0-M6 in {@code includesFile} / {@code excludesFile}
     * too. From 3.0.0-M6 on Surefire hands the files' lines to its provider as the tests to run: their method filters
     * narrow the methods of the classes they name, and a class the {@code includesFile} does not name does not run
     * even when {@code includes} selected it.
     *
     * @return from 3.0.0-M6 on, the files' lines in {@code -Dtest} form ({@code !} before an exclusion); else none
     * @throws IllegalArgumentException Surefire's message naming the pattern it refuses
     */
    public static List<String> methodFilters(String surefireVersion, List<String> includes, List<String> excludes,
            List<String> includesFile, List<String> excludesFile) {
        boolean filesMayFilter = !before(surefireVersion, "3.0.0-M6");
        List<String> refused = new ArrayList<>(includes == null ? List.of() : includes);
        refused.addAll(excludes == null ? List.of() : excludes);
        if (!filesMayFilter) {
            refused.addAll(includesFile);
            refused.addAll(excludesFile);
        }
        for (String pattern : refused) {
            if (pattern != null && pattern.contains("#")) {
                throw new IllegalArgumentException("Method filter prohibited in includes|excludes parameter: " + pattern
                        + " (maven-surefire-plugin " + (surefireVersion == null ? "" : surefireVersion + " ")
                        + "takes Class#method only in -Dtest" + (filesMayFilter ? ", includesFile and excludesFile)"
                        : "; from 3.0.0-M6 on also in includesFile and excludesFile)"));
            }
        }
        List<String> filters = new ArrayList<>();
        if (filesMayFilter) {
            filters.addAll(includesFile);
            excludesFile.stream().map(p -> "!" + p).forEach(filters::add);
        }
        return filters;
    }

    /** Whether the project's Surefire version is older than {@code release}; {@code null} (unknown) is the newest. */
    static boolean before(String version, String release) {
        return version != null && !version.isBlank()
                && new ComparableVersion(version.trim()).compareTo(new ComparableVersion(release)) < 0;
    }
}
