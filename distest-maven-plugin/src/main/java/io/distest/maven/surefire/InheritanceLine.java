package io.distest.maven.surefire;

import java.util.List;
import java.util.Set;

/**
 * The one info line per execution that says what it took from Surefire (or Failsafe) and what replaces the rest,
 * built from values the goal computed once for the run itself:
 * {@code distest: execution default-test inherits Surefire's default-test configuration: argLine "-Xmx1g", 2 includes, …}.
 *
 * @param executionId the distest execution's id
 * @param plugin the plugin it stands in for
 * @param settings what was inherited ({@link SurefireSettings#source()} {@code null}: nothing to inherit)
 * @param argLine argLine as the workers get it (late replacement done), or {@code null} / blank for none
 * @param includes configured includes ({@code null}: none configured)
 * @param excludes configured excludes ({@code null}: none configured)
 * @param patternFiles the names of includesFile / excludesFile, when set
 * @param suiteParameters with TestNG suite files deciding what runs, the TestNG engine parameters they set; else
 *                        {@code null}
 * @param systemProperties how many system properties the configuration sets
 * @param promotedUserProperties how many {@code -D} user properties become system properties
 * @param specs the tx specs, as written
 * @param reuseForks Surefire's reuseForks
 * @param parallelNote what the run does with parallel or which provider runs the tests, or {@code null}
 */
public record InheritanceLine(String executionId, TestPlugin plugin, SurefireSettings settings, String argLine,
        List<String> includes, List<String> excludes, List<String> patternFiles, Set<String> suiteParameters,
        int systemProperties, int promotedUserProperties, List<String> specs, boolean reuseForks, String parallelNote) {

    /** Settings the line names on their own; others inherited are listed after "also". */
    private static final List<String> NAMED = List.of("argLine", "includes", "excludes", "systemPropertyVariables",
            "systemProperties");

    /** The line. */
    public String text() {
        StringBuilder line = new StringBuilder("distest: execution ").append(executionId);
        if (settings.source() == null) {
            line.append(": no ").append(plugin.displayName()).append(" configuration to inherit");
        } else {
            line.append(" inherits ").append(settings.source()).append(": argLine ")
                    .append(argLine == null || argLine.isBlank() ? "none" : "\"" + argLine.trim() + "\"")
                    .append(", ").append(count(size(includes), "include")).append(", ")
                    .append(count(size(excludes), "exclude"));
            if (!patternFiles.isEmpty()) {
                line.append(" (plus those in ").append(String.join(" and ", patternFiles)).append(")");
            }
            if (suiteParameters != null) {
                line.append(" (suiteXmlFiles decide").append(suiteParameters.isEmpty() ? ""
                        : "; TestNG engine parameters " + String.join(", ", suiteParameters)).append(")");
            }
            line.append(", ").append(count(systemProperties, "system property", "system properties"));
            if (promotedUserProperties > 0) {
                line.append(" (and ").append(count(promotedUserProperties, "user property", "user properties"))
                        .append(" from -D)");
            }
            List<String> others = settings.inheritedNames().stream().filter(name -> !NAMED.contains(name)).toList();
            if (!others.isEmpty()) {
                line.append("; also ").append(String.join(", ", others));
            }
            if (!settings.overridden().isEmpty()) {
                line.append("; distest's own: ").append(String.join(", ", settings.overridden()));
            }
        }
        line.append("; forkCount").append(settings.forkCount() != null ? "=" + settings.forkCount() : "")
                .append(" is replaced by the tx specs (").append(String.join(", ", specs)).append(")");
        if (!reuseForks) {
            line.append("; reuseForks=false: every test class in a fresh worker JVM");
        }
        if (parallelNote != null) {
            line.append("; ").append(parallelNote);
        }
        if (settings.version() != null && (size(includes) == 0 || size(excludes) == 0)) {
            line.append("; default includes/excludes of ").append(plugin.displayName()).append(" ")
                    .append(settings.version());
        }
        return line.toString();
    }

    private static int size(List<String> list) {
        return list == null ? 0 : list.size();
    }

    private static String count(int n, String singular) {
        return count(n, singular, singular + "s");
    }

    private static String count(int n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }
}
