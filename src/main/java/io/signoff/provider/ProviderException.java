package io.signoff.provider;

import io.signoff.model.ErrorKind;
import java.time.Duration;
import java.util.Objects;

/**
 * The one failure type every provider call throws. Keeps the provider's own code and message for the audit trail.
 * Messages are built from redacted text only: no token, secret or Authorization header ever reaches one.
 */
public final class ProviderException extends Exception {
    private static final long serialVersionUID = 1L;

    private final ErrorKind kind;
    private final int httpStatus;
    private final String providerCode;
    private final Duration retryAfter;
    private final String requestId;

    private ProviderException(Builder b) {
        super(b.message, b.cause);
        this.kind = b.kind;
        this.httpStatus = b.httpStatus;
        this.providerCode = b.providerCode;
        this.retryAfter = b.retryAfter;
        this.requestId = b.requestId;
    }

    public static Builder of(ErrorKind kind, String message) {
        return new Builder(kind, message);
    }

    public static ProviderException unsupported(String what) {
        return of(ErrorKind.UNSUPPORTED, what).build();
    }

    public ErrorKind kind() { return kind; }

    /** HTTP status of the answer that failed, or 0 when no answer came. */
    public int httpStatus() { return httpStatus; }

    /** The provider's own error code (Slack "error", Cloudflare code, SCIM scimType), or null. */
    public String providerCode() { return providerCode; }

    /** For RATE_LIMITED: how long the provider asked us to wait, or null. */
    public Duration retryAfter() { return retryAfter; }

    public String requestId() { return requestId; }

    /** A reference for the audit trail: the provider's code, else the HTTP status, else the kind. */
    public String auditReference() {
        if (providerCode != null && !providerCode.isBlank()) return providerCode;
        if (httpStatus > 0) return "HTTP " + httpStatus;
        return kind.name();
    }

    public static final class Builder {
        private final ErrorKind kind;
        private final String message;
        private Throwable cause;
        private int httpStatus;
        private String providerCode;
        private Duration retryAfter;
        private String requestId;

        private Builder(ErrorKind kind, String message) {
            this.kind = Objects.requireNonNull(kind, "kind");
            this.message = Objects.requireNonNull(message, "message");
        }

        public Builder cause(Throwable t) { this.cause = t; return this; }
        public Builder httpStatus(int status) { this.httpStatus = status; return this; }
        public Builder providerCode(String code) { this.providerCode = code; return this; }
        public Builder retryAfter(Duration d) { this.retryAfter = d; return this; }
        public Builder requestId(String id) { this.requestId = id; return this; }
        public ProviderException build() { return new ProviderException(this); }
    }
}
