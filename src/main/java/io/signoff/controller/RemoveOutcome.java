package io.signoff.controller;

/** What happened to a remove. */
public sealed interface RemoveOutcome {

    /** Removed with its secrets; {@code note} says what could not be cleaned up, or is empty. */
    record Removed(String name, String note) implements RemoveOutcome { }

    /** Nothing removed. */
    record Failed(String message) implements RemoveOutcome { }
}
