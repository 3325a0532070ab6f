package io.distest.maven.failsafe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.codehaus.plexus.component.configurator.expression.ExpressionEvaluationException;
import org.codehaus.plexus.component.configurator.expression.ExpressionEvaluator;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * The values the test goal's parameters take under Failsafe when neither distest's nor Failsafe's POM configuration
 * sets them: those Failsafe reads from its own properties ({@code -Dit.test}, {@code failsafe.*}) instead of
 * Surefire's ({@code -Dtest}, {@code surefire.*}), and Failsafe's own defaults ({@code target/failsafe-reports}).
 * So {@code mvn verify -Dtest=FooTest} narrows the unit tests only, as with Surefire and Failsafe.
 */
public final class FailsafeDefaults {

    /** Parameter name to Failsafe's expression for it (its property, or its default). */
    static final Map<String, String> EXPRESSIONS = new LinkedHashMap<>();

    /** Failsafe's values when its property is not set (parameters not listed: none, i.e. {@code null}). */
    static final Map<String, String> FALLBACKS = Map.of(
            "forkedProcessTimeoutInSeconds", "0",
            "rerunFailingTestsCount", "0",
            "skipAfterFailureCount", "0",
            "failOnFlakeCount", "0",
            "failIfNoSpecifiedTests", "true",
            "parallelTestsTimeoutInSeconds", "0",
            "parallelTestsTimeoutForcedInSeconds", "0");

    static {
        EXPRESSIONS.put("test", "${it.test}");
        EXPRESSIONS.put("reportsDirectory", "${project.build.directory}/failsafe-reports");
        EXPRESSIONS.put("forkedProcessTimeoutInSeconds", "${failsafe.timeout}");
        EXPRESSIONS.put("rerunFailingTestsCount", "${failsafe.rerunFailingTestsCount}");
        EXPRESSIONS.put("skipAfterFailureCount", "${failsafe.skipAfterFailureCount}");
        EXPRESSIONS.put("failOnFlakeCount", "${failsafe.failOnFlakeCount}");
        EXPRESSIONS.put("failIfNoSpecifiedTests", "${failsafe.failIfNoSpecifiedTests}|${it.failIfNoSpecifiedTests}");
        EXPRESSIONS.put("includes", "${failsafe.includes}");
        EXPRESSIONS.put("excludes", "${failsafe.excludes}");
        EXPRESSIONS.put("includesFile", "${failsafe.includesFile}");
        EXPRESSIONS.put("excludesFile", "${failsafe.excludesFile}");
        EXPRESSIONS.put("systemPropertiesFile", "${failsafe.systemPropertiesFile}");
        EXPRESSIONS.put("suiteXmlFiles", "${failsafe.suiteXmlFiles}");
        EXPRESSIONS.put("excludedEnvironmentVariables", "${failsafe.excludedEnvironmentVariables}");
        EXPRESSIONS.put("includeJUnit5Engines", "${failsafe.includeJUnit5Engines}");
        EXPRESSIONS.put("excludeJUnit5Engines", "${failsafe.excludeJUnit5Engines}");
        EXPRESSIONS.put("parallelTestsTimeoutInSeconds", "${failsafe.parallel.timeout}");
        EXPRESSIONS.put("parallelTestsTimeoutForcedInSeconds", "${failsafe.parallel.forcedTimeout}");
    }

    private final Xpp3Dom values;
    private final List<String> unset;

    private FailsafeDefaults(Xpp3Dom values, List<String> unset) {
        this.values = values;
        this.unset = List.copyOf(unset);
    }

    /**
     * @param own the parameters configured on distest itself (its POM configuration, its {@code distest.*}
     *            properties): they keep their values
     * @param evaluator evaluates {@code ${…}} as Maven does for a mojo
     */
    public static FailsafeDefaults of(Set<String> own, ExpressionEvaluator evaluator) {
        Xpp3Dom values = new Xpp3Dom("configuration");
        List<String> unset = new ArrayList<>();
        EXPRESSIONS.forEach((name, expressions) -> {
            if (own.contains(name)) {
                return;
            }
            String value = null;
            for (String expression : expressions.split("\\|")) {
                value = value != null ? value : text(evaluator, expression);
            }
            value = value != null ? value : FALLBACKS.get(name);
            if (value == null) {
                unset.add(name);
            } else {
                Xpp3Dom child = new Xpp3Dom(name);
                child.setValue(value);
                values.addChild(child);
            }
        });
        return new FailsafeDefaults(values, unset);
    }

    /** Literal values to apply with Maven's configurator, before Failsafe's POM configuration is applied over them. */
    public Xpp3Dom values() {
        return values;
    }

    /** Parameters Failsafe leaves unset here: whatever Surefire's property gave them is dropped. */
    public List<String> unset() {
        return unset;
    }

    /**
     * The main classes Failsafe puts on the test class path when {@code classesDirectory} is not configured: the
     * module's packaged jar once {@code package} built it, else {@code target/classes}.
     *
     * @param artifactFile the project artifact's file ({@code null} before {@code package})
     * @param outputDirectory {@code target/classes}
     */
    public static java.io.File mainClasses(java.io.File artifactFile, java.io.File outputDirectory) {
        boolean jar = artifactFile != null && artifactFile.isFile()
                && artifactFile.getName().toLowerCase(java.util.Locale.ROOT).endsWith(".jar");
        return jar ? artifactFile : outputDirectory;
    }

    private static String text(ExpressionEvaluator evaluator, String expression) {
        try {
            Object value = evaluator.evaluate(expression);
            String text = value == null ? null : String.valueOf(value).trim();
            return text == null || text.isEmpty() || text.equals(expression) ? null : text;
        } catch (ExpressionEvaluationException e) {
            return null;
        }
    }
}
