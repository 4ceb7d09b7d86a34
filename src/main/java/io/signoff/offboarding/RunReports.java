package io.signoff.offboarding;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;

/** Builds the per-person / per-step report of a run and exports it to CSV (formula-neutralised cells). */
public final class RunReports {
    private RunReports() { }

    public static RunReport report(RunSnapshot run, Instant generatedAt) {
        throw new UnsupportedOperationException("not yet");
    }

    /** One row per step with the person, provider, connection, account, call, status, detail and attempts. */
    public static void writeCsv(RunReport report, Writer out) throws IOException {
        throw new UnsupportedOperationException("not yet");
    }
}
