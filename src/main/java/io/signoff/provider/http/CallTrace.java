package io.signoff.provider.http;

import okhttp3.Call;
import okhttp3.EventListener;

/**
 * What happened on the wire during one attempt, from OkHttp's own events: whether any byte of a request may have
 * left for the server, and how many requests went out (redirects and proxy challenges included).
 *
 * <p>This is what makes "was it sent?" a fact rather than a guess from exception types: a failure before the first
 * request header was written (DNS, connect, connect timeout, proxy handshake, TLS handshake) cannot have reached the
 * provider, so even a non-idempotent call may be repeated; any failure after it may have.
 */
final class CallTrace extends EventListener {
    /** Attaches the trace that a request carries as its tag to that request's call. */
    static final EventListener.Factory FACTORY = call -> {
        CallTrace trace = call.request().tag(CallTrace.class);
        return trace != null ? trace : EventListener.NONE;
    };

    private volatile boolean requestStarted;
    private volatile int networkRequests;

    @Override
    public void requestHeadersStart(Call call) {
        requestStarted = true;
        networkRequests++;
    }

    boolean requestMayHaveBeenSent() { return requestStarted; }

    int networkRequests() { return networkRequests; }
}
