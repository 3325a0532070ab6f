package io.distest.maven.surefire;

import io.distest.maven.tx.TxSpec;
import io.distest.maven.tx.TxSpecs;
import java.util.ArrayList;
import java.util.List;

/**
 * Which tx specs a build asks for. As py.test's {@code --tx}, command-line specs add to the configured list:
 * configured {@code <tx>} entries first, then {@code -Ddistest.tx=a,b}, then {@code -Ddistest.n=N} as N*popen. A
 * slice ({@code -Ddistest.slice}) without any of them asks for the default local workers, one per core.
 */
public final class TxActivation {
    private TxActivation() {}

    /**
     * @param configured the POM's {@code <tx>} entries (may be empty)
     * @param commandLineTx the value of {@code distest.tx}, or {@code null}
     * @param n the value of {@code distest.n} (command line or POM), or {@code null}
     */
    public static List<TxSpec> specs(List<String> configured, String commandLineTx, String n) {
        return specs(configured, commandLineTx, n, null);
    }

    /**
     * @param slice the value of {@code distest.slice} (command line or POM), or {@code null}
     */
    public static List<TxSpec> specs(List<String> configured, String commandLineTx, String n, String slice) {
        List<String> texts = new ArrayList<>();
        for (String entry : configured) {
            texts.addAll(TxSpecs.splitList(entry));
        }
        texts.addAll(TxSpecs.splitList(commandLineTx));
        List<TxSpec> specs = new ArrayList<>(TxSpecs.parseAll(texts));
        if (n != null && !n.isBlank()) {
            specs.add(TxSpecs.forWorkerCount(n.trim(), Runtime.getRuntime().availableProcessors()));
        }
        if (specs.isEmpty() && slice != null && !slice.isBlank() && !slice.trim().equalsIgnoreCase("none")) {
            specs.add(TxSpecs.forWorkerCount("auto", Runtime.getRuntime().availableProcessors()));
        }
        return specs;
    }
}
