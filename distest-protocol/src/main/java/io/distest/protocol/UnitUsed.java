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
 *     found or not; {@value #EVERYTHING} alone when the worker could not watch the lookups: every resource counts
 * @param files files the unit opened below the module directory, relative to it with {@code /}, whether they exist
 *     or not; {@value #EVERYTHING} alone when the worker could not watch file openings: every file counts
 */
public record UnitUsed(int unitId, List<String> classes, List<String> resources, List<String> files)
        implements Message {
    /** The name that stands for every resource, or every file. */
    public static final String EVERYTHING = "*";

    public UnitUsed {
        classes = List.copyOf(classes);
        resources = List.copyOf(resources);
        files = List.copyOf(files);
    }
}
