package io.distest.maven.settings;

import io.distest.maven.tx.TxSpec;
import java.util.List;

/** How tests are spread over the gateways ({@code distest.dist}). */
public enum Dist {
    /** One queue: each worker takes the next unit. */
    LOAD,
    /** Every unit on every gateway: each tx spec is a platform with its own reports. */
    EACH;

    /**
     * The gateway group of {@code spec}, one of the run's {@code specs}: with {@code each} its {@code //id=} or
     * {@code tx1}, {@code tx2}, … in spec order (used in report names); with {@code load} every worker is in one
     * group, "".
     */
    public String groupOf(TxSpec spec, List<TxSpec> specs) {
        if (this == LOAD) {
            return "";
        }
        return spec.id().orElse("tx" + (specs.indexOf(spec) + 1));
    }
}
