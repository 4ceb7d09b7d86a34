package io.signoff.provider.http;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import io.signoff.model.ErrorKind;
import io.signoff.provider.ProviderException;
import java.io.StringReader;

/** Parses provider answers with clear errors for the bodies real servers send when things go wrong. */
public final class Json {
    public static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();
    /** Deeper than this is hostile or broken; no provider nests that far. */
    private static final int NESTING_LIMIT = 64;

    private Json() { }

    /**
     * @param label who answered, for the message
     * @param kindOnFailure TRANSIENT for reads, UNKNOWN_OUTCOME for writes (the write may have happened)
     */
    public static JsonElement parse(HttpReply reply, String label, ErrorKind kindOnFailure) throws ProviderException {
        if (reply.body().isBlank()) {
            throw ProviderException.of(kindOnFailure, label + " answered HTTP " + reply.status() + " with an empty body where JSON was expected")
                    .httpStatus(reply.status()).providerCode("empty_body").requestId(reply.requestId()).build();
        }
        if (reply.looksLikeHtml()) {
            throw ProviderException.of(kindOnFailure, label + " answered HTTP " + reply.status()
                            + " with an HTML page instead of JSON: is the URL right, or is a proxy or login page in the way?")
                    .httpStatus(reply.status()).providerCode("html_body").requestId(reply.requestId()).build();
        }
        try {
            JsonReader reader = new JsonReader(new StringReader(reply.body()));
            reader.setStrictness(Strictness.LEGACY_STRICT);
            reader.setNestingLimit(NESTING_LIMIT);
            JsonElement element = com.google.gson.JsonParser.parseReader(reader);
            if (reader.peek() != com.google.gson.stream.JsonToken.END_DOCUMENT) {
                throw new JsonParseException("trailing data after the JSON value");
            }
            return element;
        } catch (JsonParseException | IllegalStateException | java.io.IOException e) {
            throw ProviderException.of(kindOnFailure, label + " answered HTTP " + reply.status() + " with malformed JSON ("
                            + shorten(e.getMessage()) + ")")
                    .httpStatus(reply.status()).providerCode("malformed_json").requestId(reply.requestId()).build();
        }
    }

    private static String shorten(String s) {
        if (s == null) return "unreadable";
        return s.length() > 160 ? s.substring(0, 160) + "…" : s;
    }
}
