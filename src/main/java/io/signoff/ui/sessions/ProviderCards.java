package io.signoff.ui.sessions;

import io.signoff.controller.AccountSessions;
import io.signoff.controller.LoadState;
import io.signoff.controller.SessionsSnapshot;
import io.signoff.ui.Formats;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * A card per connection the person has accounts in: how many sessions, "sessions valid from" where the provider has
 * it, the residual exposure it documents, and the "Revoke all" button where its API can do that.
 */
final class ProviderCards extends FlowPane {
    private final Consumer<String> onRevokeAll;

    /** @param onRevokeAll called with the connection id whose "Revoke all" was pressed */
    ProviderCards(Consumer<String> onRevokeAll) {
        super(8, 8);
        this.onRevokeAll = onRevokeAll;
        setId("provider-cards");
    }

    void show(SessionsSnapshot snapshot, boolean busy) {
        getChildren().clear();
        if (snapshot == null) return;
        Map<String, List<AccountSessions>> byConnection = new LinkedHashMap<>();
        snapshot.accounts().forEach(a -> byConnection.computeIfAbsent(a.connection().id(), k -> new java.util.ArrayList<>()).add(a));
        byConnection.forEach((id, accounts) -> getChildren().add(card(id, accounts, busy)));
    }

    private VBox card(String connectionId, List<AccountSessions> accounts, boolean busy) {
        AccountSessions first = accounts.get(0);
        Label title = new Label(first.connection().displayName());
        title.getStyleClass().add("card-title");
        Label kind = new Label(first.connection().kind().displayName() + " · " + first.tenantName());
        kind.getStyleClass().add("muted");
        VBox card = new VBox(3, title, kind);
        card.setId("card-" + connectionId);
        card.getStyleClass().add("provider-card");
        for (AccountSessions a : accounts) {
            Label line = new Label(line(a));
            line.setWrapText(true);
            line.getStyleClass().add(a.state() == LoadState.ERROR || a.state() == LoadState.NOT_CONNECTED ? "error-label" : "card-line");
            card.getChildren().add(line);
            if (!a.residualExposure().isBlank()) {
                Label residual = new Label("After a revoke: " + a.residualExposure());
                residual.setWrapText(true);
                residual.setMaxHeight(44); // two lines; the tooltip has it all
                residual.setTooltip(new Tooltip(a.residualExposure()));
                residual.getStyleClass().add("card-residual");
                card.getChildren().add(residual);
            }
        }
        boolean canRevoke = accounts.stream().anyMatch(AccountSessions::canRevokeAll);
        if (canRevoke) {
            Button revokeAll = new Button("Revoke all");
            revokeAll.setId("revoke-all-" + connectionId);
            revokeAll.getStyleClass().add("danger-button");
            revokeAll.setDisable(busy || accounts.stream().anyMatch(a -> a.state() == LoadState.LOADING));
            revokeAll.setTooltip(new Tooltip("End every session of this person in " + first.connection().displayName()));
            revokeAll.setOnAction(e -> onRevokeAll.accept(connectionId));
            card.getChildren().add(revokeAll);
        }
        return card;
    }

    private static String line(AccountSessions a) {
        return switch (a.state()) {
            case LOADING -> "Loading sessions…";
            case ERROR, NOT_CONNECTED -> a.message();
            case LOADED -> {
                if (a.sessions() == null || a.sessions().manualOnly() || a.manualOnly() && a.sessionCount() == 0) {
                    yield "No API — manual step";
                }
                String count = a.sessionCount() + (a.sessions().sessionsValidFrom() != null ? " recent sign-in" : " session")
                        + (a.sessionCount() == 1 ? "" : "s");
                yield a.sessions().sessionsValidFrom() == null ? count
                        : count + " · sessions valid from " + Formats.dateTime(a.sessions().sessionsValidFrom());
            }
        };
    }
}
