package io.distest.maven.timeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The timeline page: one self-contained HTML file (its script, style and the run's JSON inline; nothing fetched)
 * that draws a {@link RunModel}.
 */
public final class TimelinePage {
    private static final String TEMPLATE_RESOURCE = "timeline.html";
    private static final String DATA_MARK = "/*RUN_JSON*/";
    private static final String LINKS_MARK = "/*LINKS_JSON*/";
    private static final String TEMPLATE = readTemplate();

    private TimelinePage() {}

    /**
     * The page of one model, linking to {@code otherPages} (file names beside it, e.g. one per platform).
     *
     * @param json the model as {@link RunModelJson} writes it
     */
    public static String html(String json, List<String> otherPages) {
        StringBuilder links = new StringBuilder("[");
        for (String page : otherPages) {
            links.append(links.length() > 1 ? "," : "").append('"')
                    .append(page.replace("\\", "\\\\").replace("\"", "\\\"").replace("<", "\\u003c")).append('"');
        }
        links.append(']');
        return TEMPLATE.replace(DATA_MARK, json.strip()).replace(LINKS_MARK, links);
    }

    /**
     * Where an execution's page goes in {@code directory}: {@code timeline.html} for the execution Maven binds by
     * default ({@code default-test}, or {@code default-cli} from the command line), {@code timeline-<id>.html} for
     * any other, so that two executions of one build keep both pages.
     */
    public static Path of(Path directory, String executionId) {
        boolean ownName = executionId != null && !executionId.startsWith("default-");
        return directory.resolve(ownName ? "timeline-" + executionId.replaceAll("[^A-Za-z0-9._-]", "_") + ".html"
                : "timeline.html");
    }

    /** Writes the page of {@code model} to {@code htmlFile}, and, when {@code jsonFile} is not null, the model there. */
    public static void write(RunModel model, Path htmlFile, Path jsonFile, List<String> otherPages) throws IOException {
        String json = RunModelJson.write(model);
        Files.createDirectories(htmlFile.toAbsolutePath().getParent());
        if (jsonFile != null) {
            Files.writeString(jsonFile, json, StandardCharsets.UTF_8);
        }
        Files.writeString(htmlFile, html(json, otherPages), StandardCharsets.UTF_8);
    }

    private static String readTemplate() {
        try (InputStream in = TimelinePage.class.getResourceAsStream(TEMPLATE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the plugin jar lacks " + TEMPLATE_RESOURCE + " next to "
                        + TimelinePage.class.getName());
            }
            String template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (!template.contains(DATA_MARK) || !template.contains(LINKS_MARK)) {
                throw new IllegalStateException(TEMPLATE_RESOURCE + " lacks " + DATA_MARK + " or " + LINKS_MARK);
            }
            return template;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
