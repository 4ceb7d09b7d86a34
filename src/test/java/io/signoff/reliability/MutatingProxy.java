package io.signoff.reliability;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;

/**
 * Sits between a client and the simulator (as a MockWebServer dispatcher) and bends the simulator's real JSON
 * answers into wrong types: so the answers a client gets have exactly the shape of the real API, except the types.
 * Token endpoint answers pass unchanged, so the calls behind them are reached.
 */
final class MutatingProxy extends Dispatcher {
    private static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();
    private static final Set<String> HOP_HEADERS = Set.of("host", "content-length", "connection", "accept-encoding",
            "transfer-encoding", "keep-alive");
    /** The envelope flags that say "this is a success": kept, so that the client reads on into the payload. */
    private static final Set<String> ENVELOPE_FLAGS = Set.of("ok", "success");
    private static final String INVALID_MARK = "\uE000";
    private static final byte[] INVALID_MARK_BYTES = INVALID_MARK.getBytes(StandardCharsets.UTF_8);
    private static final byte[] INVALID_UTF8 = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xA0};

    /** One way to bend an answer; {@code keepFlags} keeps ok/success at the top level as they were. */
    enum Mutation {
        OBJECTS_BECOME_STRINGS(true),
        STRINGS_BECOME_ARRAYS(true),
        NUMBERS_AND_BOOLEANS_BECOME_OBJECTS(true),
        ARRAYS_BECOME_STRINGS(true),
        NULLS_EVERYWHERE_BUT_THE_FLAGS(true),
        NULLS_EVERYWHERE(false),
        ROOT_IS_A_STRING(false),
        INVALID_UTF8_IN_EVERY_STRING(true);

        private final boolean keepFlags;

        Mutation(boolean keepFlags) { this.keepFlags = keepFlags; }
    }

    private final OkHttpClient client = new OkHttpClient.Builder().followRedirects(false).build();
    private final HttpUrl target;
    private volatile Mutation mutation = Mutation.NULLS_EVERYWHERE;

    /** @param target the simulator's root URL */
    MutatingProxy(HttpUrl target) {
        this.target = target;
    }

    void mutation(Mutation m) { this.mutation = m; }

    @Override
    public MockResponse dispatch(RecordedRequest recorded) {
        HttpUrl from = recorded.getRequestUrl();
        HttpUrl url = target.newBuilder().encodedPath(from.encodedPath()).encodedQuery(from.encodedQuery()).build();
        byte[] sent = recorded.getBody().readByteArray();
        String type = recorded.getHeader("Content-Type");
        boolean hasBody = sent.length > 0 || Set.of("POST", "PUT", "PATCH").contains(recorded.getMethod());
        Request.Builder forward = new Request.Builder().url(url)
                .method(recorded.getMethod(), hasBody ? RequestBody.create(sent, type == null ? null : MediaType.parse(type)) : null);
        recorded.getHeaders().forEach(h -> {
            if (!HOP_HEADERS.contains(h.getFirst().toLowerCase(java.util.Locale.ROOT))) forward.addHeader(h.getFirst(), h.getSecond());
        });
        try (Response answer = client.newCall(forward.build()).execute()) {
            byte[] body = answer.body() == null ? new byte[0] : answer.body().bytes();
            MockResponse out = new MockResponse().setResponseCode(answer.code());
            answer.headers().forEach(h -> {
                if (!HOP_HEADERS.contains(h.getFirst().toLowerCase(java.util.Locale.ROOT))) out.addHeader(h.getFirst(), h.getSecond());
            });
            boolean token = from.encodedPath().endsWith("/token");
            return out.setBody(new Buffer().write(token ? body : bend(body, mutation)));
        } catch (IOException e) {
            return new MockResponse().setResponseCode(599).setBody("proxy could not reach the simulator: " + e);
        }
    }

    /** The answer bent by the mutation, or unchanged when it is not JSON (plain text and HTML errors pass through). */
    static byte[] bend(byte[] body, Mutation m) {
        JsonElement root;
        try {
            root = JsonParser.parseString(new String(body, StandardCharsets.UTF_8));
        } catch (JsonParseException notJson) {
            return body;
        }
        if (root == null || root.isJsonNull() || (root.isJsonPrimitive() && body.length == 0)) return body;
        if (m == Mutation.ROOT_IS_A_STRING) return "\"unexpected\"".getBytes(StandardCharsets.UTF_8);
        JsonElement bent = root.isJsonObject() ? topLevel(root.getAsJsonObject(), m) : walk(root, m, true);
        byte[] out = GSON.toJson(bent).getBytes(StandardCharsets.UTF_8);
        return m == Mutation.INVALID_UTF8_IN_EVERY_STRING ? replace(out, INVALID_MARK_BYTES, INVALID_UTF8) : out;
    }

    private static JsonElement topLevel(JsonObject root, Mutation m) {
        JsonObject out = new JsonObject();
        for (Map.Entry<String, JsonElement> e : root.entrySet()) {
            boolean flag = m.keepFlags && ENVELOPE_FLAGS.contains(e.getKey());
            out.add(e.getKey(), flag ? e.getValue() : walk(e.getValue(), m, false));
        }
        return out;
    }

    private static JsonElement walk(JsonElement e, Mutation m, boolean root) {
        if (e.isJsonObject()) {
            if (m == Mutation.OBJECTS_BECOME_STRINGS && !root) return new JsonPrimitive("unexpected");
            JsonObject out = new JsonObject();
            e.getAsJsonObject().entrySet().forEach(x -> out.add(x.getKey(), walk(x.getValue(), m, false)));
            return out;
        }
        if (e.isJsonArray()) {
            if (m == Mutation.ARRAYS_BECOME_STRINGS && !root) return new JsonPrimitive("unexpected");
            JsonArray out = new JsonArray();
            e.getAsJsonArray().forEach(x -> out.add(walk(x, m, false)));
            return out;
        }
        if (e.isJsonNull()) return e;
        JsonPrimitive p = e.getAsJsonPrimitive();
        return switch (m) {
            case STRINGS_BECOME_ARRAYS -> {
                if (!p.isString()) yield p;
                JsonArray a = new JsonArray();
                a.add(p);
                yield a;
            }
            case NUMBERS_AND_BOOLEANS_BECOME_OBJECTS -> {
                if (p.isString()) yield p;
                JsonObject o = new JsonObject();
                o.add("value", p);
                yield o;
            }
            case NULLS_EVERYWHERE_BUT_THE_FLAGS, NULLS_EVERYWHERE -> JsonNull.INSTANCE;
            case INVALID_UTF8_IN_EVERY_STRING -> p.isString() ? new JsonPrimitive(p.getAsString() + INVALID_MARK) : p;
            default -> p;
        };
    }

    private static byte[] replace(byte[] in, byte[] what, byte[] with) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        for (int i = 0; i < in.length; i++) {
            if (i + what.length <= in.length && java.util.Arrays.equals(in, i, i + what.length, what, 0, what.length)) {
                out.write(with, 0, with.length);
                i += what.length - 1;
            } else {
                out.write(in[i]);
            }
        }
        return out.toByteArray();
    }
}
