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

    /** Keeps every request in arrival order, then lets the real simulated API answer it. */
    static final class Recorder implements SimulatedApi {
        private final SimulatedApi delegate;
        private final List<SimRequest> requests = new ArrayList<>();

        Recorder(SimulatedApi delegate) { this.delegate = delegate; }

        @Override public ProviderKind kind() { return delegate.kind(); }

        @Override
        public SimResponse handle(SimRequest request) {
            synchronized (requests) {
                requests.add(request);
            }
            return delegate.handle(request);
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
            }
        }
    }

    static SimulatorServer start(Seed seed) throws IOException {
        return SimulatorServer.start(0, seed, SimCredentials.demo(), 7, server -> List.of(
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
