package io.signoff.provider.http;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.Strictness;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import io.signoff.model.ErrorKind;
import io.signoff.provider.ProviderException;
import java.io.IOException;
import java.io.StringReader;

/** Parses provider answers with clear errors for the bodies real servers send when things go wrong. */
public final class Json {
    public static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();
    /** Deeper than this is hostile or broken; no provider nests that far. */
    static final int NESTING_LIMIT = 64;
    /** Reads a tree without touching the reader's strictness (Gson.fromJson and JsonParser would relax it). */
    private static final TypeAdapter<JsonElement> TREE = GSON.getAdapter(JsonElement.class);

    private Json() { }

    /**
     * @param label who answered, for the message
     * @param kindOnFailure TRANSIENT for reads, UNKNOWN_OUTCOME for writes (the write may have happened)
     */
    public static JsonElement parse(HttpReply reply, String label, ErrorKind kindOnFailure) throws ProviderException {
        if (reply.body().isBlank()) {
            throw failure(reply, kindOnFailure, "empty_body", label + " answered HTTP " + reply.status()
                    + " with an empty body where JSON was expected");
        }
        if (reply.looksLikeHtml()) {
            throw failure(reply, kindOnFailure, "html_body", label + " answered HTTP " + reply.status()
                    + " with an HTML page instead of JSON: is the URL right, or is a proxy or sign-in page in the way?");
        }
        try {
            JsonReader reader = new JsonReader(new StringReader(reply.body()));
            reader.setStrictness(Strictness.LEGACY_STRICT);
            // Gson reads trees iteratively, and the limit stops a 10,000-deep document early with a clear message.
            reader.setNestingLimit(NESTING_LIMIT);
            JsonElement element = TREE.read(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new JsonParseException("trailing data after the JSON value");
            }
            return element;
        } catch (JsonParseException | IllegalStateException | IOException e) {
            throw failure(reply, kindOnFailure, "malformed_json", label + " answered HTTP " + reply.status()
                    + " with malformed JSON (" + shorten(e.getMessage()) + ")");
        }
    }

    private static ProviderException failure(HttpReply reply, ErrorKind kind, String code, String message) {
        return ProviderException.of(kind, message)
                .httpStatus(reply.status()).providerCode(code).requestId(reply.requestId()).build();
    }

    /** Gson's messages name a position and a path, never the body's content; still, keep them short. */
    private static String shorten(String s) {
        if (s == null) return "unreadable";
        String firstLine = s.lines().findFirst().orElse(s);
        return firstLine.length() > 160 ? firstLine.substring(0, 160) + "…" : firstLine;
    }
}
