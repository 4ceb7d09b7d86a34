package io.signoff.ui.users;

import io.signoff.controller.ConnectionSearch;
import io.signoff.controller.SearchState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;

/** One chip per connection showing where the search stands there: searching, found, not found, error, not connected. */
final class ProviderChips extends FlowPane {

    ProviderChips() {
        super(8, 6);
        setId("provider-chips");
        getStyleClass().add("provider-chips");
    }

    /** Updates the chips in place (no flicker while answers stream in); one chip per connection, in order. */
    void show(List<ConnectionSearch> states) {
        Map<String, Label> existing = new HashMap<>();
        getChildren().forEach(n -> existing.put(n.getId(), (Label) n));
        List<Label> chips = new ArrayList<>();
        for (ConnectionSearch s : states) {
            Label chip = existing.getOrDefault("chip-" + s.connection().id(), new Label());
            chip.setId("chip-" + s.connection().id());
            chip.setText(s.connection().displayName() + " — " + s.summary());
            chip.getStyleClass().setAll("label", "chip", "chip-" + s.state().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            chip.setMaxWidth(420);
            StringBuilder tip = new StringBuilder(s.connection().kind().displayName() + " · " + s.connection().displayName());
            tip.append("\n").append(s.state().label());
            if (!s.reason().isBlank()) tip.append(": ").append(s.reason());
            if (s.errorKind() != null) tip.append("\n").append(s.errorKind().summary()).append(". ").append(s.errorKind().advice());
            if (s.state().done() && s.state() != SearchState.OUT_OF_SCOPE && s.state() != SearchState.NOT_CONNECTED) {
                tip.append("\nAnswered in ").append(millis(s.elapsed())).append(" · ").append(s.callsDone()).append('/')
                        .append(s.callsTotal()).append(" calls");
            }
            chip.setTooltip(new Tooltip(tip.toString()));
            chips.add(chip);
        }
        if (!getChildren().equals(chips)) getChildren().setAll(chips);
    }

    private static String millis(Duration d) {
        return d.toMillis() < 1000 ? d.toMillis() + " ms" : String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
