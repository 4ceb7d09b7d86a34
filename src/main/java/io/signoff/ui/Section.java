package io.signoff.ui;

import java.util.Locale;

/** The sections of the main window, in navigation order. */
public enum Section {
    TENANTS("Tenants", "Customer tenants, workspaces and apps across connections"),
    USERS("Users", "Find a person across every connected provider"),
    SESSIONS("Sessions", "Sessions per provider and device; revoke and verify"),
    OFFBOARDING("Offboarding", "Close every account of a person, step by step, with proof"),
    AUDIT("Audit", "Every action recorded, tamper-evident, exportable"),
    CONNECTIONS("Connections", "Providers, credentials and request options");

    private final String title;
    private final String subtitle;

    Section(String title, String subtitle) {
        this.title = title;
        this.subtitle = subtitle;
    }

    public String title() { return title; }

    public String subtitle() { return subtitle; }

    public String slug() { return name().toLowerCase(Locale.ROOT); }

    public static Section fromSlug(String value) {
        for (Section s : values()) {
            if (s.slug().equalsIgnoreCase(value)) return s;
        }
        throw new IllegalArgumentException("Unknown view '" + value + "'; expected tenants, users, sessions, offboarding, audit or connections");
    }
}
