package io.signoff.offboarding;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the operator chose on the options page.
 *
 * @param byConnection options per connection id; a connection without an entry gets no automatic step
 * @param customSteps  manual steps added for every person
 * @param reference    ticket number or note, sent along with provider jobs (CIPP "reference") and kept in the audit
 */
public record OffboardingOptions(Map<String, ProviderOptions> byConnection, List<CustomStep> customSteps, String reference) {

    public OffboardingOptions {
        byConnection = byConnection == null ? Map.of() : Map.copyOf(byConnection);
        customSteps = customSteps == null ? List.of() : List.copyOf(customSteps);
        reference = reference == null ? "" : reference.strip();
    }

    public static OffboardingOptions empty() {
        return new OffboardingOptions(Map.of(), List.of(), "");
    }

    public ProviderOptions forConnection(String connectionId) {
        return byConnection.getOrDefault(connectionId, ProviderOptions.none());
    }

    public OffboardingOptions with(String connectionId, ProviderOptions options) {
        Map<String, ProviderOptions> copy = new LinkedHashMap<>(byConnection);
        copy.put(connectionId, options);
        return new OffboardingOptions(copy, customSteps, reference);
    }

    public OffboardingOptions withCustomSteps(List<CustomStep> steps) {
        return new OffboardingOptions(byConnection, steps, reference);
    }

    public OffboardingOptions withReference(String newReference) {
        return new OffboardingOptions(byConnection, customSteps, newReference);
    }
}
