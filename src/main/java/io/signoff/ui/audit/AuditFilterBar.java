package io.signoff.ui.audit;

import io.signoff.audit.AuditFilter;
import io.signoff.audit.FilterChoices;
import io.signoff.model.Outcome;
import io.signoff.model.ProviderKind;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.util.Duration;

/**
 * The audit view's filter controls; calls {@code onChange} whenever the filter they describe changes. Each drop-down's
 * first entry ("All providers", …) means "do not filter" and names what the drop-down is for.
 */
final class AuditFilterBar {
    private static final Duration TYPING_PAUSE = Duration.millis(300);

    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final ComboBox<String> provider = combo("audit-provider", "All providers");
    private final ComboBox<String> tenant = combo("audit-tenant", "All tenants");
    private final ComboBox<String> operator = combo("audit-operator", "All operators");
    private final ComboBox<String> action = combo("audit-action", "All actions");
    private final ComboBox<String> outcome = combo("audit-outcome", "All outcomes");
    private final TextField text = new TextField();
    private final FlowPane node;
    private final Runnable onChange;
    /** True while the controls are set programmatically: those changes are not the operator's. */
    private boolean updatingChoices = true;

    AuditFilterBar(Runnable onChange) {
        this.onChange = onChange;
        from.setId("audit-from");
        from.setPromptText("From (UTC day)");
        to.setId("audit-to");
        to.setPromptText("To (UTC day)");
        for (DatePicker p : List.of(from, to)) {
            p.setPrefWidth(140);
            p.valueProperty().addListener((obs, old, now) -> changed());
        }
        List<String> outcomes = new ArrayList<>();
        for (Outcome o : Outcome.values()) outcomes.add(o.slug());
        fill(outcome, outcomes);
        for (ComboBox<String> c : List.of(provider, tenant, operator, action)) fill(c, List.of());
        text.setId("audit-text");
        text.setPromptText("Search target, message, parameters");
        text.setPrefColumnCount(22);
        PauseTransition typing = new PauseTransition(TYPING_PAUSE);
        typing.setOnFinished(e -> changed());
        text.textProperty().addListener((obs, old, now) -> typing.playFromStart());
        text.setOnAction(e -> {
            typing.stop();
            changed();
        });
        Button clear = new Button("Clear filters");
        clear.setId("audit-clear");
        clear.setOnAction(e -> clear());
        node = new FlowPane(8, 8, from, to, provider, tenant, operator, action, outcome, text, clear);
        node.getStyleClass().add("audit-filters");
        updatingChoices = false;
    }

    Node node() { return node; }

    /** The filter the controls describe; throws IllegalArgumentException when the end date is before the start. */
    AuditFilter filter() {
        LocalDate fromDay = from.getValue();
        LocalDate toDay = to.getValue();
        return new AuditFilter(
                fromDay == null ? null : fromDay.atStartOfDay(ZoneOffset.UTC).toInstant(),
                toDay == null ? null : toDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                selected(provider) == null ? null : ProviderKind.fromSlug(selected(provider)),
                selected(tenant), selected(operator), selected(action),
                selected(outcome) == null ? null : Outcome.valueOf(selected(outcome).toUpperCase(java.util.Locale.ROOT)),
                text.getText());
    }

    /** Fills the drop-downs with the values present in the trail, keeping each current choice. */
    void setChoices(FilterChoices choices) {
        updatingChoices = true;
        try {
            fill(provider, choices.providers());
            fill(tenant, choices.tenants());
            fill(operator, choices.operators());
            fill(action, choices.actions());
        } finally {
            updatingChoices = false;
        }
    }

    private void clear() {
        updatingChoices = true;
        try {
            from.setValue(null);
            to.setValue(null);
            for (ComboBox<String> c : List.of(provider, tenant, operator, action, outcome)) c.setValue(any(c));
            text.clear();
        } finally {
            updatingChoices = false;
        }
        changed();
    }

    private void fill(ComboBox<String> combo, List<String> values) {
        String current = combo.getValue();
        List<String> items = new ArrayList<>(values.size() + 1);
        items.add(any(combo));
        items.addAll(values);
        combo.getItems().setAll(items);
        combo.setValue(current != null && items.contains(current) ? current : any(combo));
    }

    private ComboBox<String> combo(String id, String anyLabel) {
        ComboBox<String> c = new ComboBox<>();
        c.setId(id);
        c.setUserData(anyLabel);
        c.setPrefWidth(165);
        c.valueProperty().addListener((obs, old, now) -> changed());
        return c;
    }

    private static String any(ComboBox<String> combo) {
        return (String) combo.getUserData();
    }

    private static String selected(ComboBox<String> combo) {
        String v = combo.getValue();
        return v == null || v.equals(any(combo)) ? null : v;
    }

    private void changed() {
        if (!updatingChoices) onChange.run();
    }
}
