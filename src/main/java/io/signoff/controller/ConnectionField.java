package io.signoff.controller;

/** The inputs of the connection form; validation errors are keyed by these. */
public enum ConnectionField {
    NAME,
    BASE_URL,
    /** CIPP: the Entra tenant id of the API client. */
    TENANT_ID("tenantId"),
    /** CIPP: the API client's id. */
    CLIENT_ID("clientId"),
    /** CIPP: where tokens come from, when not Entra's global endpoint. */
    TOKEN_URL("tokenUrl"),
    /** Cloudflare: the 32-hex account id. */
    ACCOUNT_ID("accountId"),
    /** SCIM: which app this is, e.g. "Lucid". */
    LABEL("label"),
    /** The credential; never part of a draft, passed as char[]. */
    SECRET,
    CONNECT_TIMEOUT,
    READ_TIMEOUT,
    CALL_TIMEOUT,
    /** NONE, HTTP or SOCKS. */
    PROXY_TYPE,
    PROXY_HOST,
    PROXY_PORT,
    PROXY_USER,
    /** Never part of a draft, passed as char[]. */
    PROXY_PASSWORD,
    CA_BUNDLE,
    /** "true" or "false". */
    SKIP_TLS,
    RATE_BUDGET;

    private final String settingKey;

    ConnectionField() {
        this(null);
    }

    ConnectionField(String settingKey) {
        this.settingKey = settingKey;
    }

    /** The key in {@link io.signoff.model.Connection#settings()}, or null for a field stored elsewhere. */
    public String settingKey() { return settingKey; }

    /** Secrets travel as char[] and are never held in a draft. */
    public boolean isSecret() { return this == SECRET || this == PROXY_PASSWORD; }
}
