package io.signoff.provider.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import io.signoff.model.ErrorKind;
import io.signoff.provider.ProviderException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    private static HttpReply reply(int status, String contentType, String body) {
        return new HttpReply(status, Map.of("x-request-id", List.of("r-1")), contentType, body, "r-1");
    }

    private static ProviderException failure(HttpReply reply, ErrorKind kind) {
        return assertThrows(ProviderException.class, () -> Json.parse(reply, "Slack", kind));
    }

    @Test
    void htmlPageIsNamedAsSuch() {
        ProviderException e = failure(reply(200, "text/html; charset=utf-8",
                "<!DOCTYPE html><html><body>Sign in to continue</body></html>"), ErrorKind.TRANSIENT);
        assertEquals(ErrorKind.TRANSIENT, e.kind());
        assertEquals("html_body", e.providerCode());
        assertEquals(200, e.httpStatus());
        assertEquals("r-1", e.requestId());
        assertTrue(e.getMessage().contains("HTML page"), e.getMessage());
        // Without a content type, the markup alone gives it away.
        assertEquals("html_body", failure(reply(502, "", "\n  <html><h1>Bad Gateway</h1></html>"), ErrorKind.TRANSIENT).providerCode());
    }

    @Test
    void jsonIsParsedEvenWhenTheServerCallsItHtml() throws ProviderException {
        JsonElement e = Json.parse(reply(200, "text/html", "{\"ok\":true}"), "Slack", ErrorKind.TRANSIENT);
        assertTrue(e.getAsJsonObject().get("ok").getAsBoolean());
    }

    @Test
    void malformedJsonKeepsTheKindTheCallerChose() {
        ProviderException e = failure(reply(200, "application/json", "{\"ok\":true, \"users\": [1, 2"), ErrorKind.UNKNOWN_OUTCOME);
        assertEquals(ErrorKind.UNKNOWN_OUTCOME, e.kind());
        assertEquals("malformed_json", e.providerCode());
        assertTrue(e.getMessage().startsWith("Slack answered HTTP 200 with malformed JSON ("), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    @Test
    void trailingGarbageAndUnquotedNamesAreMalformed() {
        assertEquals("malformed_json", failure(reply(200, "application/json", "{\"ok\":true} trailing"), ErrorKind.TRANSIENT).providerCode());
        assertEquals("malformed_json", failure(reply(200, "application/json", "{ok: true}"), ErrorKind.TRANSIENT).providerCode());
    }

    @Test
    void emptyBodyIsNamedAsSuch() {
        ProviderException e = failure(reply(204, "application/json", "  \n"), ErrorKind.TRANSIENT);
        assertEquals("empty_body", e.providerCode());
        assertTrue(e.getMessage().contains("empty body"), e.getMessage());
    }

    @Test
    void tenThousandLevelsOfNestingFailClearlyWithoutStackOverflow() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        ProviderException e = failure(reply(200, "application/json", deep), ErrorKind.TRANSIENT);
        assertEquals("malformed_json", e.providerCode());
        assertTrue(e.getMessage().toLowerCase().contains("nesting"), e.getMessage());
        String deepObjects = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);
        assertEquals("malformed_json", failure(reply(200, "application/json", deepObjects), ErrorKind.TRANSIENT).providerCode());
    }

    @Test
    void reasonableNestingAndAByteOrderMarkAreFine() throws ProviderException {
        String nested = "[".repeat(Json.NESTING_LIMIT) + "]".repeat(Json.NESTING_LIMIT);
        assertTrue(Json.parse(reply(200, "application/json", nested), "Slack", ErrorKind.TRANSIENT).isJsonArray());
        JsonElement bom = Json.parse(reply(200, "application/json", "\uFEFF{\"ok\":true}"), "Slack", ErrorKind.TRANSIENT);
        assertTrue(bom.getAsJsonObject().get("ok").getAsBoolean());
    }

    @Test
    void replacementCharactersSurviveParsing() throws ProviderException {
        JsonElement e = Json.parse(reply(200, "application/json", "{\"name\":\"Ren\uFFFD\"}"), "Slack", ErrorKind.TRANSIENT);
        assertEquals("Ren\uFFFD", e.getAsJsonObject().get("name").getAsString());
    }
}
