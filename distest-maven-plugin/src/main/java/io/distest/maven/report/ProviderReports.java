package io.distest.maven.report;

import io.distest.protocol.ReportFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.maven.plugin.logging.Log;

/**
 * The reports a Surefire provider writes itself (TestNG's {@code testng-results.xml}, {@code junitreports/},
 * {@code emailable-report.html}, …), sent back by the workers unit by unit and written into the reports directory
 * as one TestNG run would have left them: verbatim when the whole run was one provider run, else merged where the
 * format allows it ({@code testng-results.xml}, {@code junitreports/} with one file per class, TestNG's static
 * assets) and left out, with one line saying so, where it does not (HTML pages and suites of one TestNG run).
 */
public final class ProviderReports {
    static final String TESTNG_RESULTS = "testng-results.xml";

    private final Path reportsDirectory;
    /** Files by unit, in arrival order. */
    private final Map<Integer, Map<String, byte[]>> byUnit = new LinkedHashMap<>();

    ProviderReports(Path reportsDirectory) {
        this.reportsDirectory = reportsDirectory;
    }

    public void add(ReportFile file) {
        byUnit.computeIfAbsent(file.unitId(), u -> new LinkedHashMap<>()).put(file.path(), file.content());
    }

    /** Writes what was received; nothing when no provider sent reports. */
    void write(Log log) {
        if (byUnit.isEmpty()) {
            return;
        }
        try {
            if (byUnit.size() == 1) {
                for (Map.Entry<String, byte[]> file : byUnit.values().iterator().next().entrySet()) {
                    writeFile(file.getKey(), file.getValue());
                }
                return;
            }
            List<byte[]> results = new ArrayList<>();
            TreeSet<String> leftOut = new TreeSet<>();
            for (Map<String, byte[]> files : byUnit.values()) {
                for (Map.Entry<String, byte[]> file : files.entrySet()) {
                    String path = file.getKey();
                    if (path.equals(TESTNG_RESULTS)) {
                        results.add(file.getValue());
                    } else if (path.startsWith("junitreports/") || isAsset(path)) {
                        writeFile(path, file.getValue());
                    } else {
                        leftOut.add(path);
                    }
                }
            }
            if (!results.isEmpty()) {
                writeFile(TESTNG_RESULTS, TestNgResultsMerge.merge(results));
            }
            if (!leftOut.isEmpty()) {
                log.info("distest: TestNG ran in " + byUnit.size() + " runs (one per class, spread over the workers):"
                        + " testng-results.xml and junitreports/ are merged from them; what describes one whole run"
                        + " is not written: " + String.join(", ", leftOut));
            }
        } catch (IOException | RuntimeException e) {
            log.warn("distest: cannot write TestNG's own reports into " + reportsDirectory + ": " + e.getMessage());
        }
    }

    /** TestNG's images, style sheets and scripts: the same bytes from every run. */
    private static boolean isAsset(String path) {
        return !path.contains("/") && path.matches(".*\\.(png|gif|css|js)");
    }

    private void writeFile(String path, byte[] content) throws IOException {
        Path target = reportsDirectory.resolve(path).normalize();
        if (!target.startsWith(reportsDirectory.normalize())) {
            throw new IOException("report file " + path + " would land outside " + reportsDirectory);
        }
        Files.createDirectories(target.getParent());
        Files.write(target, content);
    }
}
