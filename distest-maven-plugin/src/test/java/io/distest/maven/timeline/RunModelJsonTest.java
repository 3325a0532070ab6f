package io.distest.maven.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distest.maven.timeline.RunModel.Bar;
import io.distest.maven.timeline.RunModel.Kind;
import io.distest.maven.timeline.RunModel.Lane;
import io.distest.maven.timeline.RunModel.Outcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunModelJsonTest {
    private static final RunModel.Summary SUMMARY =
            new RunModel.Summary(2000, 2, 3000, 1900, 95, 400, 600, "gw1", "a.Big", true);

    private static RunModel model(String label) {
        Bar jvm = Bar.phase(Kind.JVM, 0, 400, "JVM start-up");
        Bar unit = new Bar(Kind.UNIT, 400, 1900, label, 3, 4, Outcome.FAILED, 1490, 1200L, -1, false, null, true);
        return RunModel.of("sample · 2*popen", SUMMARY,
                List.of(new Lane("gw1", "2*popen", "", "box7", "Java 21, Linux amd64, box7", 100, true, List.of(jvm, unit))));
    }

    @Test
    void writesEveryDocumentedFieldUnderItsName() {
        String json = RunModelJson.write(model("a.Big"));

        assertEquals("""
                {"version":1,"title":"sample · 2*popen","summary":{"wallMillis":2000,"workers":2,"testMillis":3000,\
                "idealMillis":1900,"efficiencyPercent":95,"startupMillis":400,"firstTestMillis":600,"criticalWorker":"gw1",\
                "criticalLabel":"a.Big","bounded":true},"lanes":[
                {"id":"gw1","spec":"2*popen","group":"","host":"box7","platform":"Java 21, Linux amd64, box7",\
                "idleMillis":100,"last":true,"bars":[\
                {"kind":"jvm","startMillis":0,"endMillis":400,"label":"JVM start-up","unitId":-1,"tests":0,"outcome":null,\
                "millis":400,"expectedMillis":null,"restOf":-1,"rerun":false,"note":null,"critical":false},\
                {"kind":"unit","startMillis":400,"endMillis":1900,"label":"a.Big","unitId":3,"tests":4,"outcome":"failed",\
                "millis":1490,"expectedMillis":1200,"restOf":-1,"rerun":false,"note":null,"critical":true}]}],\
                "slowest":[{"kind":"unit","startMillis":400,"endMillis":1900,"label":"a.Big","unitId":3,"tests":4,\
                "outcome":"failed","millis":1490,"expectedMillis":1200,"restOf":-1,"rerun":false,"note":null,\
                "critical":true}]}
                """, json);
    }

    @Test
    void escapesQuotesControlCharactersAndAnythingThatCouldEndTheScriptElement() {
        String json = RunModelJson.write(model("a.\"Odd\"\\</script><b>\t\u0001"));

        assertTrue(json.contains("\"label\":\"a.\\\"Odd\\\"\\\\\\u003c/script\\u003e\\u003cb\\u003e\\t\\u0001\""), json);
        assertFalse(json.contains("</script>"));
    }

    @Test
    void givesEachExecutionButTheDefaultOneItsOwnPage() {
        Path dir = Path.of("target", "distest");
        assertEquals(dir.resolve("timeline.html"), TimelinePage.of(dir, "default-test"));
        assertEquals(dir.resolve("timeline.html"), TimelinePage.of(dir, "default-cli"));
        assertEquals(dir.resolve("timeline-integration.html"), TimelinePage.of(dir, "integration"));
        assertEquals(dir.resolve("timeline-a_b.html"), TimelinePage.of(dir, "a/b"));
    }

    @Test
    void writesAPageThatCarriesTheModelAndFetchesNothing(@TempDir Path temp) throws Exception {
        Path page = temp.resolve("distest/timeline.html");
        Path json = temp.resolve("distest/run.json");

        TimelinePage.write(model("a.Big"), page, json, List.of("timeline-tx1.html"));

        String html = Files.readString(page, StandardCharsets.UTF_8);
        assertTrue(html.contains(Files.readString(json, StandardCharsets.UTF_8).strip()), "the model is inline");
        assertTrue(html.contains("[\"timeline-tx1.html\"]"), html);
        assertFalse(html.contains("/*RUN_JSON*/"));
        for (String fetching : List.of("src=\"http", "href=\"http", "src=\"//", "href=\"//", "@import", "url(http")) {
            assertFalse(html.contains(fetching), "the page must work offline, but it has " + fetching);
        }
        assertTrue(html.contains("default-src 'none'"), "its policy forbids fetching anything");
    }
}
