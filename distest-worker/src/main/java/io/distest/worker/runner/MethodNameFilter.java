package io.distest.worker.runner;

import io.distest.shared.NameGlob;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.PostDiscoveryFilter;

/** Keeps the test methods whose name matches an include glob (if any) and no exclude glob ({@code *}, {@code ?}). */
final class MethodNameFilter implements PostDiscoveryFilter {
    private final List<Pattern> includes;
    private final List<Pattern> excludes;

    MethodNameFilter(List<String> includeGlobs, List<String> excludeGlobs) {
        this.includes = includeGlobs.stream().map(NameGlob::compile).toList();
        this.excludes = excludeGlobs.stream().map(NameGlob::compile).toList();
    }

    @Override
    public FilterResult apply(TestDescriptor descriptor) {
        if (!(descriptor.getSource().orElse(null) instanceof MethodSource method)) {
            return FilterResult.included("not a method"); // containers stay; empty ones are pruned
        }
        String name = method.getMethodName();
        boolean included = includes.isEmpty() || includes.stream().anyMatch(p -> p.matcher(name).matches());
        boolean excluded = excludes.stream().anyMatch(p -> p.matcher(name).matches());
        return FilterResult.includedIf(included && !excluded, () -> "method " + name + " selected",
                () -> "method " + name + " filtered out by -Dtest");
    }

}
