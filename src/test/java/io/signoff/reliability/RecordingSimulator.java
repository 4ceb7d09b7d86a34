package io.signoff.reliability;

import io.signoff.model.ProviderKind;
import io.signoff.simulator.Seed;
import io.signoff.simulator.SimCredentials;
import io.signoff.simulator.SimRequest;
import io.signoff.simulator.SimResponse;
import io.signoff.simulator.SimulatedApi;
import io.signoff.simulator.SimulatorServer;
import io.signoff.simulator.cipp.CippSimulator;
import io.signoff.simulator.cloudflare.CloudflareSimulator;
import io.signoff.simulator.scim.ScimSimulator;
import io.signoff.simulator.slack.SlackSimulator;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulator with the four standard APIs, each behind a recorder that keeps every request exactly as the simulated
 * API received it (path, decoded query, headers, body): what the provider really got, for escaping assertions.
 */
final class RecordingSimulator {
    private RecordingSimulator() { }

    /**
     * One request and the simulated API's answer to it (before any injected fault).
     *
     * @param arrivedNanos {@link System#nanoTime()} when the request reached the API
     */
    record Exchange(long arrivedNanos, SimRequest request, SimResponse response) { }

    /** Keeps every request in arrival order, then lets the real simulated API answer it and keeps the answer too. */
    static final class Recorder implements SimulatedApi {
        private final SimulatedApi delegate;
        private final List<SimRequest> requests = new ArrayList<>();
        private final List<Exchange> exchanges = new ArrayList<>();

        Recorder(SimulatedApi delegate) { this.delegate = delegate; }

        @Override public ProviderKind kind() { return delegate.kind(); }

        @SuppressWarnings("unchecked")
        <T extends SimulatedApi> T delegate() { return (T) delegate; }

        @Override
        public SimResponse handle(SimRequest request) {
            long arrived = System.nanoTime();
            synchronized (requests) {
                requests.add(request);
            }
            SimResponse response = delegate.handle(request);
            synchronized (requests) {
                exchanges.add(new Exchange(arrived, request, response));
            }
            return response;
        }

        List<Exchange> exchanges() {
            synchronized (requests) {
                return List.copyOf(exchanges);
            }
        }

        @Override public SimResponse rateLimited(Duration retryAfter) { return delegate.rateLimited(retryAfter); }

        @Override public SimResponse serverError(int status) { return delegate.serverError(status); }

        List<SimRequest> requests() {
            synchronized (requests) {
                return List.copyOf(requests);
            }
        }

        void clear() {
            synchronized (requests) {
                requests.clear();
                exchanges.clear();
            }
        }
    }

    static SimulatorServer start(Seed seed) throws IOException {
        return start(seed, SimCredentials.demo());
    }

    /** With the credentials the simulated APIs accept (recognisable ones, for the secret scans). */
    static SimulatorServer start(Seed seed, SimCredentials credentials) throws IOException {
        return SimulatorServer.start(0, seed, credentials, 7, server -> List.of(
                new Recorder(new CippSimulator(server.seed(), server.credentials(), server.calls())),
                new Recorder(new SlackSimulator(server.seed(), server.credentials())),
                new Recorder(new CloudflareSimulator(server.seed(), server.credentials())),
                new Recorder(new ScimSimulator(server.seed(), server.credentials(), server.baseUrl(ProviderKind.SCIM)))));
    }

    static Recorder recorder(SimulatorServer sim, ProviderKind kind) {
        return (Recorder) sim.api(kind);
    }

    /** A form-encoded body (Slack's) as name -> value, decoded the way a server decodes it. */
    static Map<String, String> form(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }
}
