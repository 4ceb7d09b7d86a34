package io.signoff.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Locale;

/**
 * The JSON the commands print: records as objects with every field present (null when unknown), instants as ISO-8601
 * UTC text, enum values as lower-case words joined by hyphens. Field names are part of the README's contract.
 */
final class CliJson {
    private static final Gson GSON = new GsonBuilder()
            .serializeNulls()
            .setPrettyPrinting()
            .disableHtmlEscaping()
            .registerTypeAdapter(Instant.class, new InstantText().nullSafe())
            .create();

    private CliJson() { }

    static void print(PrintWriter out, Object value) {
        out.println(GSON.toJson(value));
    }

    /** ENABLED → "enabled", NOT_YET_VISIBLE → "not-yet-visible"; null stays null. */
    static String slug(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static final class InstantText extends TypeAdapter<Instant> {
        @Override
        public void write(JsonWriter out, Instant value) throws IOException {
            out.value(value.toString());
        }

        @Override
        public Instant read(JsonReader in) throws IOException {
            return Instant.parse(in.nextString());
        }
    }
}
