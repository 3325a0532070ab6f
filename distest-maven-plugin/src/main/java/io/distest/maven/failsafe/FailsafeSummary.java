package io.distest.maven.failsafe;

import io.distest.maven.run.RunSummary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Failsafe's {@code failsafe-summary.xml}: what {@code integration-test} leaves for {@code failsafe:verify}, which
 * fails the build from it after {@code post-integration-test} ran. Written in Failsafe's format (its elements and
 * result codes), so that an unchanged {@code failsafe:verify} reads it; several executions of one module into the
 * same file add up, as Failsafe's do.
 */
public record FailsafeSummary(int completed, int errors, int failures, int skipped, int flakes, String failureMessage,
        boolean timeout) {

    private static final String SCHEMA = "https://maven.apache.org/surefire/maven-surefire-plugin/xsd/failsafe-summary.xsd";

    /** The summary of one run; a run that left tests unrun carries why as its failure message. */
    public static FailsafeSummary of(RunSummary run) {
        return new FailsafeSummary(run.tests(), run.errors(), run.failures(), run.skipped(), run.flakes(),
                run.notRunReason(), false);
    }

    /** This summary and another added up (counts summed, the first failure message kept). */
    public FailsafeSummary plus(FailsafeSummary other) {
        return new FailsafeSummary(completed + other.completed, errors + other.errors, failures + other.failures,
                skipped + other.skipped, flakes + other.flakes,
                failureMessage != null ? failureMessage : other.failureMessage, timeout || other.timeout);
    }

    /** Failsafe's result attribute: 254 without tests, 255 with failures or errors, else {@code null}. */
    String result() {
        if (completed == 0) {
            return "254";
        }
        return errors > 0 || failures > 0 || failureMessage != null ? "255" : "null";
    }

    /**
     * Writes this summary to {@code file}; with {@code addToExisting} (an earlier execution of this build wrote it)
     * adds the file's counts first, else replaces what an earlier build left.
     */
    public void write(Path file, boolean addToExisting) throws IOException {
        FailsafeSummary total = addToExisting && Files.isRegularFile(file) ? read(file).plus(this) : this;
        Files.createDirectories(file.toAbsolutePath().getParent());
        String message = total.failureMessage == null
                ? "<failureMessage xsi:nil=\"true\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"/>"
                : "<failureMessage>" + escape(total.failureMessage) + "</failureMessage>";
        String xml = String.format(Locale.ROOT, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<failsafe-summary xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                + " xsi:noNamespaceSchemaLocation=\"%s\" result=\"%s\" timeout=\"%s\">\n"
                + "    <completed>%d</completed>\n    <errors>%d</errors>\n    <failures>%d</failures>\n"
                + "    <skipped>%d</skipped>\n    <flakes>%d</flakes>\n    %s\n</failsafe-summary>\n",
                SCHEMA, total.result(), total.timeout, total.completed, total.errors, total.failures, total.skipped,
                total.flakes, message);
        Files.writeString(file, xml, StandardCharsets.UTF_8);
    }

    /** Reads a summary file written by Failsafe or by {@link #write}. */
    public static FailsafeSummary read(Path file) throws IOException {
        String xml = Files.readString(file, StandardCharsets.UTF_8);
        try {
            Matcher message = Pattern.compile("<failureMessage>(.*?)</failureMessage>", Pattern.DOTALL).matcher(xml);
            return new FailsafeSummary(count(xml, "completed"), count(xml, "errors"), count(xml, "failures"),
                    count(xml, "skipped"), xml.contains("<flakes>") ? count(xml, "flakes") : 0,
                    message.find() ? unescape(message.group(1)) : null, xml.contains("timeout=\"true\""));
        } catch (IllegalArgumentException e) {
            throw new IOException("cannot read the Failsafe summary " + file + ": " + e.getMessage()
                    + "; delete it (mvn clean) and run again", e);
        }
    }

    private static int count(String xml, String element) {
        Matcher m = Pattern.compile("<" + element + ">\\s*(\\d+)\\s*</" + element + ">").matcher(xml);
        if (!m.find()) {
            throw new IllegalArgumentException("no <" + element + "> count");
        }
        return Integer.parseInt(m.group(1));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String unescape(String text) {
        return text.replace("&quot;", "\"").replace("&gt;", ">").replace("&lt;", "<").replace("&amp;", "&");
    }
}
