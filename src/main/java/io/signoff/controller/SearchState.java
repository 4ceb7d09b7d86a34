package io.signoff.controller;

/** One connection's part of a person search, as the state chip shows it. */
public enum SearchState {
    SEARCHING("searching…"),
    FOUND("found"),
    NOT_FOUND("not found"),
    ERROR("error"),
    NOT_CONNECTED("not connected"),
    OUT_OF_SCOPE("not in scope"),
    CANCELLED("cancelled");

    private final String label;

    SearchState(String label) { this.label = label; }

    public String label() { return label; }

    public boolean done() { return this != SEARCHING; }
}
