package io.distest.maven.timeline;

import io.distest.maven.run.RunHarness;
import io.distest.maven.settings.Requests;
import io.distest.maven.settings.WorkerPolicy;
import io.distest.testing.Poll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The timeline page of a real run on two local worker JVMs, one of which dies mid-class, opened in headless Chromium:
 * what the browser draws is what happened.
 */
class TimelineInBrowserTest {
    @TempDir
    Path temp;

    @Test
    void drawsEveryWorkerAndUnitOfARealRunWithTheCrashAndItsRestOnTwoLanes() throws Exception {
        RunHarness harness = new RunHarness(temp);
        harness.timeline = temp.resolve("distest").resolve("timeline.html");
        // no replacement JVM: the rest of the crashed class can only run on the other worker's lane
        harness.workers = Requests.workers(0, Duration.ofSeconds(60));
        harness.run(List.of("2*popen"), "ExitingFixture", "PassingFixture", "AssertionFailingFixture", "FailingFixture",
                "SkippedFixture", "Slow1Fixture");

        String efficiencyLine = harness.log.lines().stream().filter(line -> line.contains("efficiency")).findFirst()
                .orElseThrow(() -> new AssertionError("no efficiency line:\n" + harness.log.text()));
        assertTrue(efficiencyLine.endsWith("; timeline: " + harness.timeline), efficiencyLine);
        assertTrue(Files.exists(temp.resolve("distest").resolve("run.json")), "the model is written beside the page");

        try (HeadlessChromium chromium = new HeadlessChromium(temp.resolve("profile"), 1400, 600)) {
            chromium.driver.get(harness.timeline.toUri().toString());
            awaitRendered(chromium);

            List<WebElement> lanes = chromium.driver.findElements(By.cssSelector(".lane[data-worker]"));
            assertEquals(List.of("gw0", "gw1"), lanes.stream().map(lane -> lane.getAttribute("data-worker")).sorted().toList());
            for (WebElement lane : lanes) {
                assertEquals(1, lane.findElements(By.cssSelector(".bar.jvm")).size(), "one JVM start-up per lane");
            }

            List<WebElement> units = chromium.driver.findElements(By.cssSelector(".bar.unit"));
            Map<String, List<WebElement>> byClass = units.stream()
                    .collect(Collectors.groupingBy(bar -> bar.getAttribute("data-label").replace(RunHarness.FIXTURES, "")));
            assertEquals(units.size(), units.stream().map(bar -> bar.getAttribute("data-unit")).distinct().count(),
                    "one bar per unit");
            assertEquals(Map.of("PassingFixture", "passed", "AssertionFailingFixture", "failed", "FailingFixture", "error",
                    "SkippedFixture", "skipped", "Slow1Fixture", "passed"), outcomesOfOneBarClasses(byClass));
            for (Map.Entry<String, List<WebElement>> entry : byClass.entrySet()) {
                for (WebElement bar : entry.getValue()) {
                    assertTrue(bar.getAttribute("class").contains(bar.getAttribute("data-outcome")),
                            "the outcome is the bar's class: " + bar.getAttribute("class"));
                }
            }

            List<WebElement> exiting = byClass.get("ExitingFixture");
            assertEquals(2, exiting.size(), "the crashed unit and the rest of its class");
            WebElement crashed = exiting.stream().filter(bar -> hasClass(bar, "crashed")).findFirst().orElseThrow();
            WebElement rest = exiting.stream().filter(bar -> hasClass(bar, "rest")).findFirst().orElseThrow();
            assertNotEquals(crashed.getAttribute("data-worker"), rest.getAttribute("data-worker"), "two lanes");
            assertEquals(crashed.getAttribute("data-unit"), rest.getAttribute("data-rest-of"));
            assertTrue(hasClass(rest, "passed"), rest.getAttribute("class"));

            new Actions(chromium.driver).moveToElement(crashed).perform();
            WebElement tip = chromium.driver.findElement(By.id("tip"));
            assertTrue(tip.isDisplayed(), "hovering a bar shows its details");
            assertTrue(tip.getText().contains("ExitingFixture") && tip.getText().contains("exit code 3")
                    && tip.getText().contains("worker: " + crashed.getAttribute("data-worker")), tip.getText());
            chromium.driver.executeScript("arguments[0].focus()", rest); // as a keyboard user would, by Tab
            assertTrue(tip.getText().contains("expected:") && tip.getText().contains("rest of"), tip.getText());

            String figures = chromium.driver.findElement(By.id("figures")).getText();
            assertTrue(figures.toLowerCase(java.util.Locale.ROOT).contains("efficiency") && figures.contains("%"), figures);
            assertTrue(chromium.driver.findElement(By.id("critical")).getText().startsWith("Critical path: gw"),
                    chromium.driver.findElement(By.id("critical")).getText());
            assertEquals(1, chromium.driver.findElements(By.cssSelector(".bar.critical")).size());
            assertEquals(0L, chromium.driver.executeScript("return performance.getEntriesByType('resource').length"),
                    "the page fetched something");
            assertEquals(List.of(), chromium.consoleErrors());

            Path screenshot = chromium.driver.getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(screenshot, Path.of("target", "timeline-browser-test.png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static Map<String, String> outcomesOfOneBarClasses(Map<String, List<WebElement>> byClass) {
        Map<String, String> outcomes = new HashMap<>();
        byClass.forEach((name, bars) -> {
            if (!name.equals("ExitingFixture")) {
                assertEquals(1, bars.size(), "one bar for " + name);
                outcomes.put(name, bars.get(0).getAttribute("data-outcome"));
            }
        });
        return outcomes;
    }

    private static boolean hasClass(WebElement element, String name) {
        return Set.of(element.getAttribute("class").split(" ")).contains(name);
    }

    private static void awaitRendered(HeadlessChromium chromium) throws InterruptedException {
        Poll.until(Duration.ofSeconds(20),
                () -> "true".equals(chromium.driver.executeScript("return document.body.dataset.rendered")),
                () -> "the page to render; console: " + chromium.consoleErrors());
    }
}
