package io.signoff.audit;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical form of a row and its hash. Changing anything here breaks every existing chain: the form is part of
 * the file format, so a new form needs a new schema version and a verifier that knows both.
 */
final class AuditCanonical {
    /** prev_hash of the first row. */
    static final String GENESIS_HASH = "0".repeat(64);

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final Type PARAMS_TYPE = new TypeToken<Map<String, String>>() { }.getType();
    private static final Gson GSON = new Gson();
    private static final HexFormat HEX = HexFormat.of();
    /** Parameter keys containing one of these are never stored: they name credentials, whatever the caller meant. */
    private static final String[] SECRET_KEY_PARTS =
            {"password", "passwd", "secret", "token", "apikey", "api_key", "api-key", "credential", "authorization"};

    private AuditCanonical() { }

    /** Fixed width, millisecond precision: text order equals time order, which the range filters rely on. */
    static String formatTimestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    static Instant parseTimestamp(String text) {
        return Instant.parse(text);
    }

    static boolean looksSecret(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        for (String part : SECRET_KEY_PARTS) {
            if (k.contains(part)) return true;
        }
        return false;
    }

    /** Parameters as JSON with sorted keys; null values are kept as null. Callers drop secret keys before this. */
    static String parametersJson(Map<String, String> parameters) {
        StringWriter out = new StringWriter(64);
        try (JsonWriter w = new JsonWriter(out)) {
            w.beginObject();
            for (Map.Entry<String, String> e : new TreeMap<>(parameters).entrySet()) {
                w.name(e.getKey()).value(e.getValue());
            }
            w.endObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    static Map<String, String> parseParameters(String json) {
        Map<String, String> map = GSON.fromJson(json, PARAMS_TYPE);
        return map == null ? Map.of() : map;
    }

    /** Every column except prev_hash and hash, as a JSON object with keys in sorted order. */
    static String canonical(StoredRow r) {
        StringWriter out = new StringWriter(512);
        try (JsonWriter w = new JsonWriter(out)) {
            w.setSerializeNulls(true);
            w.beginObject();
            w.name("action").value(r.action());
            w.name("attempt_seq").value(r.attemptSeq());
            w.name("channel").value(r.channel());
            w.name("connection_id").value(r.connectionId());
            w.name("machine").value(r.machine());
            w.name("message").value(r.message());
            w.name("operator").value(r.operator());
            w.name("outcome").value(r.outcome());
            w.name("parameters").value(r.parameters());
            w.name("provider").value(r.provider());
            w.name("reference").value(r.reference());
            w.name("run_id").value(r.runId());
            w.name("sequence").value(r.sequence());
            w.name("step_id").value(r.stepId());
            w.name("target_email").value(r.targetEmail());
            w.name("target_user_id").value(r.targetUserId());
            w.name("tenant").value(r.tenant());
            w.name("ts_utc").value(r.tsUtc());
            w.endObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** hash = SHA-256(prev_hash + canonical form), lower-case hex. */
    static String hash(MessageDigest sha256, String prevHash, String canonical) {
        sha256.reset();
        sha256.update(prevHash.getBytes(StandardCharsets.US_ASCII));
        sha256.update(canonical.getBytes(StandardCharsets.UTF_8));
        return HEX.formatHex(sha256.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
