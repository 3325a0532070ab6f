package io.distest.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distest.maven.PluginDescriptor.Declared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The configuration reference ({@code docs/configuration.md}) against the plugin descriptor maven-plugin-plugin
 * generated from the mojos: a parameter added, renamed or given another property or default without the docs
 * following fails here.
 */
class DocumentedParametersTest {

    private static final Path REPOSITORY = Path.of("..");
    private static final Path REFERENCE = REPOSITORY.resolve("docs/configuration.md");

    private static List<Declared> declared;
    private static List<String> tableRows;

    @BeforeAll
    static void read() throws Exception {
        declared = PluginDescriptor.parameters();
        tableRows = Files.readAllLines(REFERENCE).stream().filter(line -> line.startsWith("|")).toList();
    }

    @Test
    void theDescriptorHasTheGoalsThisTestIsAbout() {
        assertEquals(List.of("help", "integration-test", "merge", "test"),
                declared.stream().map(Declared::goal).distinct().sorted().toList());
    }

    @Test
    void everyParameterOfEveryGoalHasARowInTheConfigurationReference() {
        List<Declared> missing = declared.stream().filter(p -> rowsNaming(p).isEmpty()).toList();
        assertEquals(List.of(), missing, "parameters without a row in " + REFERENCE);
    }

    @Test
    void eachParametersRowNamesItsProperty() {
        List<String> wrong = new ArrayList<>();
        for (Declared p : declared) {
            if (p.property() != null && rowsNaming(p).stream().noneMatch(row -> row.contains("`" + p.property() + "`"))) {
                wrong.add(p + " (property " + p.property() + ")");
            }
        }
        assertEquals(List.of(), wrong, "rows of " + REFERENCE + " without the parameter's property");
    }

    @Test
    void eachParametersRowShowsItsPlainDefault() {
        List<String> wrong = new ArrayList<>();
        for (Declared p : declared) {
            String value = p.defaultValue();
            if (value == null || value.isEmpty() || value.contains("${")) {
                continue; // expressions are shown as what they mean (`~/.ssh/config`)
            }
            if (rowsNaming(p).stream().noneMatch(row -> row.contains("`" + value + "`") || row.contains(" " + value + " "))) {
                wrong.add(p + " (default " + value + ")");
            }
        }
        assertEquals(List.of(), wrong, "rows of " + REFERENCE + " without the parameter's default");
    }

    @Test
    void everyLinkOfTheReadmeAndTheDocsReachesAFileAndHeading() throws IOException {
        Pattern link = Pattern.compile("\\]\\(([\\w./-]+\\.(?:md|png)|)(?:#([^)\\s]+))?\\)"); // not `notThree[1](1)`
        List<String> broken = new ArrayList<>();
        List<Path> pages = new ArrayList<>(List.of(REPOSITORY.resolve("README.md")));
        try (Stream<Path> docs = Files.list(REPOSITORY.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        for (Path page : pages) {
            Matcher m = link.matcher(Files.readString(page));
            while (m.find()) {
                if (m.group(1).isEmpty() && m.group(2) == null) {
                    continue;
                }
                Path target = m.group(1).isEmpty() ? page : page.resolveSibling(m.group(1)).normalize();
                if (!Files.exists(target)) {
                    broken.add(page.getFileName() + ": " + m.group());
                } else if (m.group(2) != null && !anchors(target).contains(m.group(2))) {
                    broken.add(page.getFileName() + ": " + m.group() + " (no such heading)");
                }
            }
        }
        assertTrue(pages.size() > 5, "the docs pages were not found: " + pages);
        assertEquals(List.of(), broken);
    }

    private static List<String> rowsNaming(Declared p) {
        return tableRows.stream().filter(row -> row.contains("`" + p.name() + "`")).toList();
    }

    /** GitHub's anchors: the heading in lower case, punctuation dropped, spaces made hyphens. */
    private static List<String> anchors(Path markdown) throws IOException {
        if (!markdown.toString().endsWith(".md")) {
            return List.of();
        }
        return Files.readAllLines(markdown).stream().filter(line -> line.startsWith("#"))
                .map(line -> line.replaceFirst("^#+\\s*", "").toLowerCase().replaceAll("[^\\w\\- ]", "").replace(' ', '-'))
                .toList();
    }
}
