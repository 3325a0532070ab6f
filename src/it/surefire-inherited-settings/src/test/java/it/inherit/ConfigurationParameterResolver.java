package it.inherit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Hands a test the JUnit Platform configuration parameter its parameter names. */
public class ConfigurationParameterResolver implements ParameterResolver {
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    public @interface Named {
        String value();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.isAnnotated(Named.class);
    }

    @Override
    public String resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getConfigurationParameter(parameter.findAnnotation(Named.class).orElseThrow().value()).orElse(null);
    }
}
