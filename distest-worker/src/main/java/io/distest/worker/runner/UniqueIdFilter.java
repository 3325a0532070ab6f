package io.distest.worker.runner;

import java.util.List;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.PostDiscoveryFilter;

/**
 * Narrows a unit to some tests by unique id: a re-run of failures runs only those, the rest of a class whose worker
 * died skips what already has a result. Invocations of templates (parameterized tests) are not discovered ahead, so
 * a template runs whole when any of its invocations is wanted; the plugin ignores the results it did not ask for.
 */
final class UniqueIdFilter implements PostDiscoveryFilter {
    private final List<String> only;
    private final List<String> skip;

    UniqueIdFilter(List<String> only, List<String> skip) {
        this.only = only;
        this.skip = skip;
    }

    @Override
    public FilterResult apply(TestDescriptor descriptor) {
        if (!(descriptor.getSource().orElse(null) instanceof MethodSource)) {
            return FilterResult.included("a container");
        }
        String id = descriptor.getUniqueId().toString();
        if (skip.contains(id)) {
            return FilterResult.excluded("already has a result");
        }
        boolean wanted = only.isEmpty() || only.stream().anyMatch(o -> o.equals(id) || o.startsWith(id + "/"));
        return FilterResult.includedIf(wanted, () -> "asked for", () -> "not asked for");
    }
}
