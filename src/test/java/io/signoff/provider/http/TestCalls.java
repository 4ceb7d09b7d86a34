package io.signoff.provider.http;

import io.signoff.model.RequestOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.QueueDispatcher;
import okhttp3.mockwebserver.RecordedRequest;

/** Shared set-up for the HTTP layer tests: short timeouts so failures cost milliseconds, not minutes. */
final class TestCalls {
    static final String USER_AGENT = "Signoff-Test/1.0";

    private TestCalls() { }

    static RequestOptions fastOptions() {
        return RequestOptions.defaults()
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(20))
                .withMaxRetries(2);
    }

    static ApiCaller caller(RequestOptions options) {
        return caller(options, new Redactor());
    }

    static ApiCaller caller(RequestOptions options, Redactor redactor) {
        return new ApiCaller(new HttpClients(USER_AGENT).clientFor(options, "Test API", null), options, "Test API", redactor);
    }

    /** A queue of scripted answers that also notes when each request arrived. */
    static final class TimedQueue extends QueueDispatcher {
        private final List<Long> arrivals = Collections.synchronizedList(new ArrayList<>());

        /** An empty queue answers 404 at once instead of blocking, so an unexpected retry shows up as a failure. */
        TimedQueue() {
            setFailFast(true);
        }

        @Override
        public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            arrivals.add(System.nanoTime());
            return super.dispatch(request);
        }

        Duration gap(int from, int to) {
            return Duration.ofNanos(arrivals.get(to) - arrivals.get(from));
        }
    }
}
