package io.signoff.controller;

/** Where one connection's part of a load stands. */
public enum LoadState {
    LOADING, LOADED, ERROR, NOT_CONNECTED;

    public boolean done() { return this != LOADING; }
}
