package io.signoff.controller;

/** Where one revoke call stands. */
public enum CallState {
    WAITING, SENDING, SUCCEEDED, FAILED,
    /** The provider may or may not have done it (timeout, dropped answer, internal error): verified by reading back. */
    UNKNOWN,
    /** Not sent: cancelled by the operator, or the audit log could not record the attempt. */
    NOT_SENT;

    public boolean sent() { return this == SUCCEEDED || this == FAILED || this == UNKNOWN; }

    public boolean done() { return this != WAITING && this != SENDING; }
}
