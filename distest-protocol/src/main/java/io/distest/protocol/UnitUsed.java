package io.distest.protocol;

import java.util.List;

/**
 * What a unit used of the project, recorded by the worker's dependency agent while the unit ran (sent just before
 * its {@link UnitFinished}); only sent when the build asked for affected-test selection.
 *
 * @param classes binary names ({@code a/b/C$1}) of the project classes (those loaded from a directory, not a jar)
 *     whose code ran, whose static fields were read or written, or that were named as a class literal, with the
 *     project supertypes and annotations of each
 * @param resources names the unit looked up through a class loader ({@code getResource*}, {@code ServiceLoader}),
 *     found or not; {@value #EVERY_RESOURCE} alone when the worker could not watch the lookups: every resource counts
 */
public record UnitUsed(int unitId, List<String> classes, List<String> resources) implements Message {
    /** The resource name that stands for all of them. */
    public static final String EVERY_RESOURCE = "*";

    public UnitUsed {
        classes = List.copyOf(classes);
        resources = List.copyOf(resources);
    }
}
