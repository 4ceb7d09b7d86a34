package io.signoff.controller;

import io.signoff.model.Connection;
import io.signoff.model.ProviderKind;
import io.signoff.model.RequestOptions;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the connection form holds, as typed: every value a string, validated only when saved. Holds no secret (the
 * secret fields travel separately as char[]), so a draft may be logged or kept freely.
 */
public record ConnectionDraft(ProviderKind kind, Map<ConnectionField, String> values) {

    public ConnectionDraft {
        Objects.requireNonNull(kind, "kind");
        Map<ConnectionField, String> copy = new EnumMap<>(ConnectionField.class);
        if (values != null) {
            values.forEach((field, value) -> {
                if (field.isSecret()) throw new IllegalArgumentException(field + " is a secret and never part of a draft");
                if (value != null) copy.put(field, value);
            });
        }
        values = Map.copyOf(copy);
    }

    /** The value as typed, or "" when empty. */
    public String get(ConnectionField field) { return values.getOrDefault(field, ""); }

    public ConnectionDraft with(ConnectionField field, String value) {
        Map<ConnectionField, String> next = new EnumMap<>(ConnectionField.class);
        next.putAll(values);
        next.put(field, value == null ? "" : value);
        return new ConnectionDraft(kind, next);
    }

    public boolean skipTls() { return Boolean.parseBoolean(get(ConnectionField.SKIP_TLS)); }

    /** Whether the fields the form shows for this kind hold the same values (as they would be saved). */
    public boolean sameFormValues(ConnectionDraft other) {
        if (other == null || other.kind != kind) return false;
        java.util.List<ConnectionField> shown = new java.util.ArrayList<>(ConnectionKinds.mainFields(kind));
        shown.addAll(ConnectionKinds.advancedFields(kind));
        return shown.stream().filter(f -> !f.isSecret())
                .allMatch(f -> canonical(f).equals(other.canonical(f)));
    }

    /** The value as it is saved: trimmed, and URLs without trailing slashes (clients append paths to them). */
    public String canonical(ConnectionField field) {
        String v = get(field).strip();
        if (field != ConnectionField.BASE_URL && field != ConnectionField.TOKEN_URL) return v;
        while (v.endsWith("/")) v = v.substring(0, v.length() - 1);
        return v;
    }

    /** A fresh form for a kind: its default API base and the default request options. */
    public static ConnectionDraft blank(ProviderKind kind) {
        Map<ConnectionField, String> v = new EnumMap<>(ConnectionField.class);
        v.put(ConnectionField.BASE_URL, ConnectionKinds.defaultBaseUrl(kind));
        putOptions(v, RequestOptions.defaults());
        return new ConnectionDraft(kind, v);
    }

    /** The form for editing a saved connection. */
    public static ConnectionDraft of(Connection c) {
        Map<ConnectionField, String> v = new EnumMap<>(ConnectionField.class);
        v.put(ConnectionField.NAME, c.displayName());
        v.put(ConnectionField.BASE_URL, c.baseUrl());
        for (ConnectionField f : ConnectionField.values()) {
            if (f.settingKey() != null && c.setting(f.settingKey()) != null) v.put(f, c.setting(f.settingKey()));
        }
        putOptions(v, c.requestOptions());
        return new ConnectionDraft(c.kind(), v);
    }

    private static void putOptions(Map<ConnectionField, String> v, RequestOptions o) {
        v.put(ConnectionField.CONNECT_TIMEOUT, Long.toString(o.connectTimeout().toSeconds()));
        v.put(ConnectionField.READ_TIMEOUT, Long.toString(o.readTimeout().toSeconds()));
        v.put(ConnectionField.CALL_TIMEOUT, Long.toString(o.callTimeout().toSeconds()));
        v.put(ConnectionField.PROXY_TYPE, o.proxy() == null ? "NONE" : o.proxy().type().name());
        if (o.proxy() != null) {
            v.put(ConnectionField.PROXY_HOST, o.proxy().host());
            v.put(ConnectionField.PROXY_PORT, Integer.toString(o.proxy().port()));
            if (o.proxy().hasCredentials()) v.put(ConnectionField.PROXY_USER, o.proxy().username());
        }
        if (o.extraCaBundle() != null) v.put(ConnectionField.CA_BUNDLE, o.extraCaBundle().toString());
        v.put(ConnectionField.SKIP_TLS, Boolean.toString(o.skipTlsVerification()));
        v.put(ConnectionField.RATE_BUDGET, Integer.toString(o.rateBudgetPerMinute()));
    }
}
