package io.signoff.offboarding;

import java.util.Objects;

/**
 * A manual step the operator adds ("collect laptop", "remove from door access"). It runs once per person and is
 * completed by attesting it with a note.
 */
public record CustomStep(String title, String instruction) {
    public CustomStep {
        Objects.requireNonNull(title, "title");
        if (title.isBlank()) throw new IllegalArgumentException("a manual step needs a title");
        title = title.strip();
        instruction = instruction == null ? "" : instruction.strip();
    }
}
