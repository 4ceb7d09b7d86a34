package io.signoff.provider.cloudflare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.signoff.model.ErrorKind;
import io.signoff.provider.ProviderException;
import io.signoff.provider.http.HttpReply;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The pacing decisions on a hand-driven clock. */
class RatelimitPacerTest {
    private static final Duration CAP = Duration.ofSeconds(60);
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final RatelimitPacer pacer = new RatelimitPacer(clock::get, "test");

    @Test
    void withoutHeadersOrWithPlentyLeftCallsGoAtOnce() throws Exception {
        assertEquals(Duration.ZERO, pacer.reserve(CAP));
        pacer.observe(reply("\"default\";r=1100;t=240", "\"default\";q=1200;w=300"));
        assertEquals(Duration.ZERO, pacer.reserve(CAP));
        assertFalse(pacer.low());
    }

    @Test
    void aLowBudgetIsSpreadOverTheTimeLeftInTheWindow() throws Exception {
        advance(Duration.ofSeconds(100));
        pacer.observe(reply("\"default\";r=10;t=100", "\"default\";q=100;w=300"));
        assertTrue(pacer.low());
        Duration first = pacer.reserve(CAP);
        assertTrue(first.compareTo(Duration.ofSeconds(10)) <= 0, "first: " + first);
        advance(first);
        Duration second = pacer.reserve(CAP);
        // 9 calls left for the 100 s to the reset: one every ~11 s.
        assertEquals(11_111, second.toMillis(), 5, "was " + second);
    }

    @Test
    void nothingLeftWaitsForTheReset() throws Exception {
        pacer.observe(reply("\"default\";r=0;t=3", null));
        Duration wait = pacer.reserve(CAP);
        assertTrue(wait.compareTo(Duration.ofSeconds(3)) > 0 && wait.compareTo(Duration.ofSeconds(4)) < 0, "wait: " + wait);
        advance(wait);
        assertEquals(Duration.ZERO, pacer.reserve(CAP), "a new window: the budget is unknown again, calls go");
    }

    @Test
    void aWaitLongerThanTheCapIsRateLimitedWithoutBookingTheCall() throws Exception {
        pacer.blocked(Duration.ofSeconds(300));
        ProviderException e = assertThrows(ProviderException.class, () -> pacer.reserve(CAP));
        assertEquals(ErrorKind.RATE_LIMITED, e.kind());
        assertTrue(e.retryAfter().toSeconds() >= 299, "retry after " + e.retryAfter());
        advance(Duration.ofSeconds(301));
        assertEquals(Duration.ZERO, pacer.reserve(CAP));
    }

    @Test
    void readsTheOlderDraftHeaderNamesToo() throws Exception {
        pacer.observe(reply("limit=100, remaining=0, reset=2", null));
        assertTrue(pacer.reserve(CAP).toMillis() >= 2000);
    }

    @Test
    void garbageHeadersChangeNothing() throws Exception {
        pacer.observe(reply("\"default\";r=abc", "nonsense"));
        assertEquals(Duration.ZERO, pacer.reserve(CAP));
    }

    private void advance(Duration d) { clock.addAndGet(d.toNanos()); }

    private static HttpReply reply(String ratelimit, String policy) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("ratelimit", List.of(ratelimit));
        if (policy != null) headers.put("ratelimit-policy", List.of(policy));
        return new HttpReply(200, headers, "application/json", "{}", null);
    }
}
