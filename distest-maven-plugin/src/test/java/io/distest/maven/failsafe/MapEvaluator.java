package io.distest.maven.failsafe;

import java.io.File;
import java.util.Map;
import org.codehaus.plexus.component.configurator.expression.ExpressionEvaluator;

/** Replaces {@code ${name}} from a map; an expression naming an unknown property evaluates to {@code null}, as Maven's. */
record MapEvaluator(Map<String, String> properties) implements ExpressionEvaluator {
    @Override
    public Object evaluate(String expression) {
        String result = expression;
        for (int start = result.indexOf("${"); start >= 0; start = result.indexOf("${")) {
            int end = result.indexOf('}', start);
            String value = properties.get(result.substring(start + 2, end));
            if (value == null) {
                return null;
            }
            result = result.substring(0, start) + value + result.substring(end + 1);
        }
        return result;
    }

    @Override
    public File alignToBaseDirectory(File file) {
        return file;
    }
}
