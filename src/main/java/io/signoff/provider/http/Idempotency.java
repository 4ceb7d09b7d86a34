package io.signoff.provider.http;

/**
 * Whether a call may be repeated when its outcome is unknown. A NON_IDEMPOTENT call is never retried after the
 * request may have reached the provider (timeouts, dropped connections, 5xx): the caller gets UNKNOWN_OUTCOME and
 * must verify by reading. A 429 is safe to retry for both: the provider refused it before doing anything.
 */
public enum Idempotency {
    IDEMPOTENT, NON_IDEMPOTENT
}
