package io.signoff.simulator.slack;

import io.signoff.simulator.SimResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Slack's answer envelopes: {@code {"ok":true,…}} and {@code {"ok":false,"error":"…"}}, both with HTTP 200. */
final class SlackReplies {
    private static final String CURSOR_PREFIX = "next_offset:";

    private SlackReplies() { }

    /** A method-specific failure; Slack still answers HTTP 200. */
    static final class SlackError extends Exception {
        private static final long serialVersionUID = 1L;
        private final String code;
        private final transient Map<String, Object> extras;

        SlackError(String code) { this(code, Map.of()); }

        SlackError(String code, Map<String, Object> extras) {
            super(code, null, false, false);
            this.code = code;
            this.extras = extras;
        }

        String code() { return code; }

        SimResponse response() { return error(200, code, extras); }
    }

    static SimResponse ok(Map<String, Object> fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ok", true);
        body.putAll(fields);
        return SimResponse.json(200, body);
    }

    static SimResponse error(int status, String code, Map<String, Object> extras) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ok", false);
        body.put("error", code);
        body.putAll(extras);
        return SimResponse.json(status, body);
    }

    /** One page of a cursor-paginated list. */
    record Page<T>(List<T> items, String nextCursor) {
        Map<String, Object> metadata() { return Map.of("next_cursor", nextCursor); }
    }

    static <T> Page<T> page(List<T> all, SlackArgs args, int defaultLimit, int maxLimit) throws SlackError {
        int limit = defaultLimit;
        String rawLimit = args.get("limit");
        if (rawLimit != null) {
            try {
                limit = Integer.parseInt(rawLimit);
            } catch (NumberFormatException e) {
                throw new SlackError("invalid_arguments");
            }
            if (limit < 1 || limit > maxLimit) throw new SlackError("invalid_arguments");
        }
        int offset = offset(args.get("cursor"), all.size());
        int end = Math.min(all.size(), offset + limit);
        String next = end < all.size() ? cursorFor(end) : "";
        return new Page<>(List.copyOf(all.subList(offset, end)), next);
    }

    private static int offset(String cursor, int size) throws SlackError {
        if (cursor == null) return 0;
        try {
            String decoded = new String(Base64.getDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!decoded.startsWith(CURSOR_PREFIX)) throw new SlackError("invalid_cursor");
            int offset = Integer.parseInt(decoded.substring(CURSOR_PREFIX.length()));
            if (offset < 0 || offset > size) throw new SlackError("invalid_cursor");
            return offset;
        } catch (IllegalArgumentException e) {
            throw new SlackError("invalid_cursor");
        }
    }

    /** Opaque like Slack's ("bmV4dF9vZmZzZXQ6MTA="), so clients cannot be written to depend on its shape. */
    private static String cursorFor(int offset) {
        return Base64.getEncoder().encodeToString((CURSOR_PREFIX + offset).getBytes(StandardCharsets.UTF_8));
    }
}
