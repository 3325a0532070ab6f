package io.distest.maven.slice;

import io.distest.maven.parameter.Parameters;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which share of a module's tests this build runs: slice {@code index} of {@code count}, both counted from 1, as
 * {@code -Ddistest.slice=2/4} says, or as the CI's own variables say with {@code -Ddistest.slice=auto}.
 */
public record Slice(int index, int count) {
    /** The value that runs every test, whatever the CI's variables say. */
    public static final String NONE = "none";

    public Slice {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("slice " + index + "/" + count + " is not a slice: K/N needs 1 <= K <= N");
        }
    }

    /**
     * A CI's parallel-job variables.
     *
     * @param oneBased whether its index counts from 1 (GitLab, Azure) or from 0 (CircleCI, Buildkite)
     */
    record CiVariables(String ci, String indexVariable, String countVariable, boolean oneBased) {
        String names() {
            return indexVariable + "/" + countVariable + " (" + ci + ")";
        }
    }

    static final CiVariables GITLAB = new CiVariables("GitLab", "CI_NODE_INDEX", "CI_NODE_TOTAL", true);
    static final List<CiVariables> CIS = List.of(GITLAB,
            new CiVariables("CircleCI", "CIRCLE_NODE_INDEX", "CIRCLE_NODE_TOTAL", false),
            new CiVariables("Buildkite", "BUILDKITE_PARALLEL_JOB", "BUILDKITE_PARALLEL_JOB_COUNT", false),
            new CiVariables("Azure Pipelines", "SYSTEM_JOBPOSITIONINPHASE", "SYSTEM_TOTALJOBSINPHASE", true));

    /**
     * The slice a build asks for, or none.
     *
     * @param setting the value of {@code distest.slice}: {@code K/N}, {@code auto}, {@code none}, or {@code null}/blank
     *     (then GitLab's {@code parallel:} variables still give one, as GitLab users expect; {@code none} does not)
     * @param environment the build's environment variables
     * @throws IllegalArgumentException naming the value and what would be right
     */
    public static Optional<Slice> of(String setting, Map<String, String> environment) {
        if (setting == null || setting.isBlank()) {
            return fromCi(GITLAB, environment);
        }
        String value = setting.trim();
        if (value.equalsIgnoreCase(NONE)) {
            return Optional.empty();
        }
        if (value.equalsIgnoreCase("auto")) {
            for (CiVariables ci : CIS) {
                Optional<Slice> slice = fromCi(ci, environment);
                if (slice.isPresent()) {
                    return slice;
                }
            }
            throw new IllegalArgumentException(Parameters.SLICE + "=auto found no CI parallel-job variables: looked for "
                    + String.join(", ", CIS.stream().map(CiVariables::names).toList()) + ". Elsewhere (GitHub"
                    + " Actions, Jenkins) pass the slice itself: -D" + Parameters.SLICE + "=K/N, e.g. ${{ matrix.slice }}/4");
        }
        return Optional.of(parse(value));
    }

    /** {@code K/N} with {@code 1 <= K <= N}. */
    public static Slice parse(String value) {
        String[] parts = value.trim().split("/", -1);
        int index;
        int count;
        try {
            if (parts.length != 2) {
                throw new NumberFormatException();
            }
            index = Integer.parseInt(parts[0].trim());
            count = Integer.parseInt(parts[1].trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(Parameters.SLICE + "=\"" + value + "\" is not a slice: give K/N, this job's"
                    + " share K of N jobs (e.g. 2/4), or auto to read the CI's parallel-job variables");
        }
        if (count < 1) {
            throw new IllegalArgumentException(Parameters.SLICE + "=\"" + value + "\" has no slices: N must be at least 1"
                    + " (K/N, e.g. 2/4)");
        }
        if (index < 1 || index > count) {
            throw new IllegalArgumentException(Parameters.SLICE + "=\"" + value + "\" is out of range: K counts from 1 to N"
                    + " (" + count + " here), e.g. 1/" + count + " … " + count + "/" + count);
        }
        return new Slice(index, count);
    }

    /**
     * Why a build with {@code distest.slice} unset runs a slice: GitLab's variables, named with their values (also set
     * by {@code parallel: matrix:}); {@code null} when they are not set.
     */
    public static String implicitReason(Map<String, String> environment) {
        return fromCi(GITLAB, environment).map(slice -> "GitLab's " + GITLAB.indexVariable() + "="
                + environment.get(GITLAB.indexVariable()).trim() + " and " + GITLAB.countVariable() + "="
                + environment.get(GITLAB.countVariable()).trim() + " make this job slice " + slice + " (-D" + Parameters.SLICE
                + "=" + NONE + " runs every test, e.g. in a parallel: matrix: job)").orElse(null);
    }

    private static Optional<Slice> fromCi(CiVariables ci, Map<String, String> environment) {
        String index = environment.get(ci.indexVariable());
        String count = environment.get(ci.countVariable());
        if (index == null || index.isBlank() || count == null || count.isBlank()) {
            return Optional.empty();
        }
        try {
            int k = Integer.parseInt(index.trim()) + (ci.oneBased() ? 0 : 1);
            int n = Integer.parseInt(count.trim());
            return Optional.of(new Slice(k, n));
        } catch (IllegalArgumentException e) { // NumberFormatException too
            throw new IllegalArgumentException(ci.ci() + "'s " + ci.indexVariable() + "=\"" + index + "\" and "
                    + ci.countVariable() + "=\"" + count + "\" are not a slice (" + (ci.oneBased() ? "1" : "0")
                    + "-based index, count >= 1); unset them or pass -D" + Parameters.SLICE + "=K/N", e);
        }
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
