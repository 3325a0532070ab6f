package io.distest.maven.surefire;

import java.util.List;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;

/**
 * The plugin a distest goal stands in for: Surefire's {@code test} (unit tests) or Failsafe's
 * {@code integration-test}. Both share Surefire's settings; they differ in where settings come from, the default
 * includes, and the properties that set them ({@code -Dtest} vs {@code -Dit.test}, {@code surefire.*} vs
 * {@code failsafe.*}).
 */
public enum TestPlugin {
    SUREFIRE("org.apache.maven.plugins:maven-surefire-plugin", "test", "Surefire"),
    FAILSAFE("org.apache.maven.plugins:maven-failsafe-plugin", "integration-test", "Failsafe");

    private final String key;
    private final String goal;
    private final String displayName;

    TestPlugin(String key, String goal, String displayName) {
        this.key = key;
        this.goal = goal;
        this.displayName = displayName;
    }

    /** {@code groupId:artifactId} of the plugin. */
    public String key() {
        return key;
    }

    /** The plugin's goal that distest takes over; distest's own goal has the same name. */
    public String goal() {
        return goal;
    }

    /** {@code maven-surefire-plugin} / {@code maven-failsafe-plugin}, as the log names it. */
    public String artifactId() {
        return key.substring(key.indexOf(':') + 1);
    }

    /** "Surefire" or "Failsafe". */
    public String displayName() {
        return displayName;
    }

    /**
     * The execution a distest execution with this id stands in for: the one with the same id (the take-over keeps
     * ids); else Surefire's {@code default-test}, or Failsafe's first execution with {@code integration-test} (Failsafe
     * has no default execution); {@code null} when there is none (plugin-level configuration then applies).
     */
    public PluginExecution execution(Plugin plugin, String distestExecutionId) {
        PluginExecution same = plugin.getExecutionsAsMap().get(distestExecutionId);
        if (same != null) {
            return same;
        }
        if (this == SUREFIRE) {
            return plugin.getExecutionsAsMap().get("default-test");
        }
        return plugin.getExecutions().stream().filter(e -> e.getGoals().contains(goal)).findFirst().orElse(null);
    }

    /**
     * The user property this plugin reads for a setting Surefire reads from {@code surefireProperty}: Failsafe's
     * {@code failsafe.*} for {@code surefire.*}, {@code maven.failsafe.debug} for {@code maven.surefire.debug}.
     */
    public String property(String surefireProperty) {
        if (this == SUREFIRE || surefireProperty == null) {
            return surefireProperty;
        }
        if (surefireProperty.startsWith("surefire.")) {
            return "failsafe." + surefireProperty.substring("surefire.".length());
        }
        return surefireProperty.equals("maven.surefire.debug") ? "maven.failsafe.debug" : surefireProperty;
    }

    /**
     * The includes used when none are configured. Surefire's depend on its version ({@link
     * SurefireRules#defaultIncludes}); Failsafe's are {@code **}{@code /IT*.java}, {@code **}{@code /*IT.java} and
     * {@code **}{@code /*ITCase.java}.
     */
    public List<String> defaultIncludes(String version) {
        return this == SUREFIRE ? SurefireRules.defaultIncludes(version)
                : List.of("**/IT*.java", "**/*IT.java", "**/*ITCase.java");
    }
}
