package io.signoff.provider.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A complete, size-capped answer. {@code body} is already decoded (UTF-8 unless the answer says otherwise;
 * invalid bytes become U+FFFD).
 */
public record HttpReply(int status, Map<String, List<String>> headers, String contentType, String body, String requestId) {

    public HttpReply {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        contentType = contentType == null ? "" : contentType;
        body = body == null ? "" : body;
    }

    public String header(String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) return e.getValue().get(0);
        }
        return null;
    }

    /** The Retry-After the provider sent (delay-seconds or an HTTP date), or empty when absent or unreadable. */
    public java.util.Optional<java.time.Duration> retryAfter() {
        return RetryTiming.retryAfter(this);
    }

    public boolean successful() { return status >= 200 && status < 300; }

    /** True when the body looks like an HTML page (error pages of proxies, login walls, CDN errors). */
    public boolean looksLikeHtml() {
        String start = body.stripLeading();
        if (start.startsWith("\uFEFF")) start = start.substring(1).stripLeading();
        if (start.startsWith("{") || start.startsWith("[")) return false; // JSON, whatever the header claims
        return contentType.toLowerCase(Locale.ROOT).contains("html") || start.startsWith("<");
    }
}
