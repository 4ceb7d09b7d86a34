package io.signoff.audit;

import java.util.List;

/** The distinct values stored in each filterable column, for the filter drop-downs. */
public record FilterChoices(List<String> providers, List<String> tenants, List<String> operators,
                            List<String> actions, List<String> outcomes) {
    public FilterChoices {
        providers = List.copyOf(providers);
        tenants = List.copyOf(tenants);
        operators = List.copyOf(operators);
        actions = List.copyOf(actions);
        outcomes = List.copyOf(outcomes);
    }
}
