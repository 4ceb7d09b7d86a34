package io.signoff.reliability;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The figures one benchmark produces, each printed as {@code name: value (target …)} on the console (the bench
 * profile shows test output). The benchmark fails after all its figures are out if any missed its target.
 */
public final class Figures {
    private static final Logger LOG = LoggerFactory.getLogger(Figures.class);

    private final List<String> missed = new ArrayList<>();

    /** Prints one figure; {@code met} says whether it reached its target. */
    public void report(String line, boolean met) {
        LOG.info(line);
        System.out.println(line); // the benchmark's output: the bench profile shows test output on the console
        if (!met) missed.add(line);
    }

    /** Fails naming every figure that missed its target. */
    public void assertAllMet() {
        if (!missed.isEmpty()) fail("missed target:\n  " + String.join("\n  ", missed));
    }

    public static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
