package io.signoff.simulator;

/** Failures the simulator can inject in front of any provider endpoint. */
public enum Fault {
    /** 429 with Retry-After, in the provider's own error shape where the API defines one. */
    RATE_LIMIT,
    /** 500 or 503 with a plain error body. */
    SERVER_ERROR,
    /** The answer never comes within any sane client timeout (the handler sleeps, then drops). */
    TIMEOUT,
    /** The connection is closed without an answer, after the request was received (and the effect applied). */
    DROP_AFTER_EFFECT,
    /** The connection is closed without an answer and without doing anything. */
    DROP,
    /** The provider's JSON, cut in half. */
    MALFORMED_BODY,
    /** A 502 HTML page, as a proxy or CDN sends it. */
    HTML_ERROR_PAGE
}
