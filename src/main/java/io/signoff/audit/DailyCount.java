package io.signoff.audit;

import io.signoff.model.Outcome;
import java.time.LocalDate;

/** Rows per UTC day and outcome, for the chart above the audit table. */
public record DailyCount(LocalDate day, Outcome outcome, long count) { }
