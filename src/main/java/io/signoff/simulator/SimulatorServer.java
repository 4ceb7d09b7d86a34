package io.signoff.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.signoff.model.ProviderKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded simulator: one JDK HTTP server on 127.0.0.1 that serves every {@link SimulatedApi} under its own
 * prefix ({@code /cipp}, {@code /slack}, {@code /cloudflare}, {@code /scim}) and puts fault knobs in front of each.
 * Never binds to anything but loopback.
 */
public final class SimulatorServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatorServer.class);
    private static final int MAX_REQUEST_BYTES = 4 * 1024 * 1024;

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<ProviderKind, SimulatedApi> apis = new EnumMap<>(ProviderKind.class);
    private final Map<ProviderKind, FaultKnobs> knobs = new EnumMap<>(ProviderKind.class);
    private final CallLog callLog = new CallLog();
    private final Seed seed;
    private final SimCredentials credentials;

    private SimulatorServer(HttpServer server, ExecutorService executor, Seed seed, SimCredentials credentials, long faultSeed) {
        this.server = server;
        this.executor = executor;
        this.seed = seed;
        this.credentials = credentials;
        for (ProviderKind kind : ProviderKind.values()) {
            knobs.put(kind, new FaultKnobs(faultSeed + kind.ordinal()));
        }
    }

    /**
     * Starts a server on 127.0.0.1.
     *
     * @param port 0 for an ephemeral port
     * @param apiFactory builds the simulated APIs once the server's base URL is known
     */
    public static SimulatorServer start(int port, Seed seed, SimCredentials credentials, long faultSeed,
                                        ApiFactory apiFactory) throws IOException {
        // Without TCP_NODELAY every POST answer waits ~40 ms on delayed ACKs; read once when the JDK server class loads.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
        ExecutorService executor = Executors.newCachedThreadPool(daemonThreads());
        http.setExecutor(executor);
        SimulatorServer sim = new SimulatorServer(http, executor, seed, credentials, faultSeed);
        for (SimulatedApi api : apiFactory.create(sim)) {
            sim.apis.put(api.kind(), api);
        }
        http.createContext("/", sim::dispatch);
        http.start();
        LOG.info("Simulator listening on {}", sim.rootUrl());
        return sim;
    }

    /** Builds the simulated APIs for a server (they may need its URLs, e.g. for SCIM meta.location). */
    @FunctionalInterface
    public interface ApiFactory {
        List<SimulatedApi> create(SimulatorServer server);
    }

    public URI rootUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public int port() { return server.getAddress().getPort(); }

    /** Where a client of this provider points its base URL. */
    public URI baseUrl(ProviderKind kind) {
        return URI.create(rootUrl() + "/" + kind.slug());
    }

    public FaultKnobs faults(ProviderKind kind) { return knobs.get(kind); }

    public CallLog calls() { return callLog; }

    public Seed seed() { return seed; }

    public SimCredentials credentials() { return credentials; }

    public SimulatedApi api(ProviderKind kind) { return apis.get(kind); }

    public void resetFaults() {
        knobs.values().forEach(FaultKnobs::reset);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        try (exchange) {
            String fullPath = exchange.getRequestURI().getRawPath();
            String[] parts = fullPath.split("/", 3);
            String prefix = parts.length > 1 ? parts[1] : "";
            if (prefix.equals("_sim")) {
                send(exchange, SimResponse.json(200, Map.of("ok", true, "providers", apis.keySet())));
                return;
            }
            ProviderKind kind = kindFor(prefix);
            SimulatedApi api = kind == null ? null : apis.get(kind);
            if (api == null) {
                send(exchange, SimResponse.text(404, "Endpoint not found"));
                return;
            }
            String path = parts.length > 2 ? "/" + parts[2] : "/";
            SimRequest request = new SimRequest(exchange.getRequestMethod(), decode(path),
                    parseQuery(exchange.getRequestURI().getRawQuery()), headers(exchange), readBody(exchange));
            serve(exchange, kind, api, request);
        } catch (RuntimeException e) {
            LOG.warn("Simulator handler failed", e);
        }
    }

    private void serve(HttpExchange exchange, ProviderKind kind, SimulatedApi api, SimRequest request) throws IOException {
        FaultKnobs k = knobs.get(kind);
        sleepQuietly(k.latency().toMillis());
        Fault fault = k.draw();
        SimResponse response = null;
        if (fault == null || fault == Fault.DROP_AFTER_EFFECT || fault == Fault.MALFORMED_BODY) {
            response = api.handle(request);
        }
        SimResponse answer = fault == null ? response : faultAnswer(fault, k, api, request, response);
        // Recorded before the answer leaves, so a client that got its answer always finds its call in the log.
        int status = answer == null ? 0 : answer.status();
        String effect = response == null ? null : response.headers().get(SimResponse.EFFECT_HEADER);
        callLog.record(new CallLog.Entry(Instant.now(), kind, request.method(), request.path(), status,
                fault == null ? null : fault.name(), effect));
        if (fault == Fault.TIMEOUT) {
            sleepQuietly(k.timeoutHang().toMillis());
        }
        if (answer != null) {
            send(exchange, answer);
        }
    }

    /** The answer a fault gives, or null when the connection is to be closed without one. */
    private static SimResponse faultAnswer(Fault fault, FaultKnobs k, SimulatedApi api, SimRequest request, SimResponse real) {
        return switch (fault) {
            case RATE_LIMIT -> api.rateLimited(k.retryAfter())
                    .withHeader("Retry-After", Long.toString(Math.max(1, k.retryAfter().toSeconds())));
            case SERVER_ERROR -> api.serverError(Math.floorMod(request.path().hashCode(), 2) == 0 ? 500 : 503);
            case TIMEOUT, DROP, DROP_AFTER_EFFECT -> null;
            case MALFORMED_BODY -> new SimResponse(real.status(), real.contentType(),
                    real.body().substring(0, real.body().length() / 2), real.headers());
            case HTML_ERROR_PAGE -> new SimResponse(502, "text/html; charset=utf-8",
                    "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1>"
                            + "<p>The upstream server did not answer.</p></body></html>", Map.of());
        };
    }

    private static void send(HttpExchange exchange, SimResponse response) throws IOException {
        byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
        if (response.contentType() != null) exchange.getResponseHeaders().set("Content-Type", response.contentType());
        response.headers().forEach((name, value) -> {
            if (!name.equals(SimResponse.EFFECT_HEADER)) exchange.getResponseHeaders().set(name, value);
        });
        boolean noBody = response.status() == 204 || bytes.length == 0;
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : bytes.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static ProviderKind kindFor(String prefix) {
        for (ProviderKind kind : ProviderKind.values()) {
            if (kind.slug().equals(prefix)) return kind;
        }
        return null;
    }

    private static String readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_REQUEST_BYTES);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static Map<String, List<String>> headers(HttpExchange exchange) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> out.put(k, List.copyOf(v)));
        return out;
    }

    static Map<String, List<String>> parseQuery(String raw) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) return out;
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.computeIfAbsent(key, x -> new ArrayList<>()).add(value);
        }
        return out;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static void sleepQuietly(long millis) {
        if (millis <= 0) return;
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "simulator-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
