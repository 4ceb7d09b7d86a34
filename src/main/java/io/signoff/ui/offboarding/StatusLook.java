package io.signoff.ui.offboarding;

import io.signoff.model.StepStatus;
import java.util.Locale;

/**
 * How a step status looks on the run and report pages: a glyph, a word and a style class (colour in offboarding.css).
 * The word is always shown next to the glyph so the status never depends on colour alone.
 */
enum StatusLook {
    PENDING(StepStatus.PENDING, "○", "pending"),
    RUNNING(StepStatus.RUNNING, "◔", "running"),
    QUEUED(StepStatus.QUEUED, "◷", "queued"),
    SUCCEEDED(StepStatus.SUCCEEDED, "✓", "succeeded"),
    VERIFIED(StepStatus.VERIFIED, "✔", "verified"),
    PARTLY_FAILED(StepStatus.PARTLY_FAILED, "◑", "partly failed"),
    FAILED(StepStatus.FAILED, "✖", "failed"),
    UNKNOWN_OUTCOME(StepStatus.UNKNOWN_OUTCOME, "?", "unknown outcome"),
    SKIPPED(StepStatus.SKIPPED, "↷", "skipped"),
    AWAITING_ATTESTATION(StepStatus.AWAITING_ATTESTATION, "✎", "awaiting attestation"),
    ATTESTED(StepStatus.ATTESTED, "☑", "attested");

    private final StepStatus status;
    private final String glyph;
    private final String word;

    StatusLook(StepStatus status, String glyph, String word) {
        this.status = status;
        this.glyph = glyph;
        this.word = word;
    }

    static StatusLook of(StepStatus status) {
        for (StatusLook look : values()) {
            if (look.status == status) return look;
        }
        // A status added to the model later still shows, in neutral colours.
        return PENDING;
    }

    String glyph() { return glyph; }

    String word() { return word; }

    /** "✔ verified" */
    String text() { return glyph + " " + word; }

    /** e.g. "step-verified": colours per status in offboarding.css. */
    String styleClass() { return "step-" + name().toLowerCase(Locale.ROOT).replace('_', '-'); }

    /** Every style class this enum hands out, to remove the old one when a cell is reused. */
    static String[] allStyleClasses() {
        StatusLook[] all = values();
        String[] out = new String[all.length];
        for (int i = 0; i < all.length; i++) out[i] = all[i].styleClass();
        return out;
    }
}
