package io.quarkus.test.junit;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/** Stands for Quarkus's annotation of the same name (distest reads it by name). */
@Retention(RetentionPolicy.RUNTIME)
public @interface TestProfile {
    Class<?> value();
}
