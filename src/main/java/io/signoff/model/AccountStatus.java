package io.signoff.model;

public enum AccountStatus {
    ENABLED, DISABLED, DEACTIVATED, DELETED, UNKNOWN
}
