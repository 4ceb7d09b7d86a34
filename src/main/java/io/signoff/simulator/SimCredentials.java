package io.signoff.simulator;

/**
 * The credentials the simulator accepts. They are demo values, not secrets, but the demo still stores them in the
 * vault and passes them the way real ones travel, so the demo exercises the real code paths.
 */
public record SimCredentials(String cippTenantId, String cippClientId, String cippClientSecret,
                             String slackToken, String cloudflareToken, String scimToken) {

    public static SimCredentials demo() {
        return new SimCredentials("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", "5d6e7f80-91a2-4b3c-8d4e-5f6a7b8c9d0e",
                "sim-cipp-secret-Q7x", "xoxp-sim-demo-token", "sim-cf-token-Zk4", "sim-scim-token-Lu9");
    }
}
