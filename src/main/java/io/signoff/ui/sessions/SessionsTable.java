package io.signoff.ui.sessions;

import io.signoff.controller.SessionRow;
import io.signoff.controller.SessionsSnapshot;
import io.signoff.model.Session;
import io.signoff.ui.Formats;
import io.signoff.ui.TableSupport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The sessions table with its provider and device filters and the "Revoke selected session" button. */
final class SessionsTable extends VBox {
    private static final String ALL = "All providers";
    private static final PseudoClass NOTE = PseudoClass.getPseudoClass("note");
    private static final PseudoClass ENDED = PseudoClass.getPseudoClass("ended");

    private final ComboBox<String> provider = new ComboBox<>();
    private final TextField device = new TextField();
    private final Label count = new Label();
    private final TableView<SessionRow> table = new TableView<>();
    private final Button revokeSelected = new Button("Revoke selected session");
    private final MenuItem revokeThis = new MenuItem("Revoke this session…");
    private final MenuItem revokeProvider = new MenuItem("Revoke all in this provider…");
    private List<SessionRow> all = List.of();
    private boolean busy;

    /** @param tenantOf names the tenant/workspace a row's session lives in */
    SessionsTable(Function<SessionRow, String> tenantOf, Consumer<SessionRow> onRevokeOne, Consumer<String> onRevokeAll) {
        super(6);
        provider.setId("sessions-provider-filter");
        provider.getItems().add(ALL);
        provider.setValue(ALL);
        provider.valueProperty().addListener((obs, old, v) -> applyFilter());
        device.setId("sessions-device-filter");
        device.setPromptText("Filter by device, OS, client, IP, location…");
        device.textProperty().addListener((obs, old, v) -> applyFilter());
        HBox.setHgrow(device, Priority.ALWAYS);
        count.getStyleClass().add("muted");
        revokeSelected.setId("revoke-selected");
        revokeSelected.getStyleClass().add("danger-button");
        revokeSelected.setOnAction(e -> selected(onRevokeOne));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, provider, device, count, spacer, revokeSelected);
        bar.setAlignment(Pos.CENTER_LEFT);

        table.setId("sessions-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(TableSupport.textColumn("Provider · tenant", 180, r -> r.providerName() + " · " + tenantOf.apply(r)));
        table.getColumns().add(TableSupport.textColumn("Device · OS", 180, r -> r.session() == null ? r.note() : join(r.session().device(), r.session().os())));
        table.getColumns().add(TableSupport.textColumn("Client / app", 130, SessionsTable::client));
        table.getColumns().add(TableSupport.textColumn("IP", 105, r -> r.session() == null ? "" : nonNull(r.session().ip())));
        table.getColumns().add(TableSupport.textColumn("Location", 110, r -> r.session() == null ? "" : nonNull(r.session().location())));
        table.getColumns().add(TableSupport.textColumn("Signed in · seen", 150, SessionsTable::when));
        table.getColumns().add(TableSupport.textColumn("Expires", 105, r -> r.session() == null ? "" : Formats.dateTime(r.session().expires())));
        table.getColumns().add(TableSupport.textColumn("State", 75, SessionsTable::state));
        table.getColumns().add(TableSupport.textColumn("Session id", 90, r -> r.session() == null ? "" : r.session().id()));
        table.setPlaceholder(new Label("No sessions to show."));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(SessionRow item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(NOTE, !empty && item != null && item.session() == null);
                pseudoClassStateChanged(ENDED, !empty && item != null && item.ended());
                setTooltip(empty || item == null || item.session() == null ? null : new Tooltip(item.ended()
                        ? "Signed in before \"sessions valid from\": its tokens no longer work"
                        : item.revocableAlone() ? "Can be ended alone" : "This provider ends sessions only all at once"));
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> updateButtons());
        revokeThis.setOnAction(e -> selected(onRevokeOne));
        revokeProvider.setOnAction(e -> {
            SessionRow row = table.getSelectionModel().getSelectedItem();
            if (row != null) onRevokeAll.accept(row.owner().connection().id());
        });
        TableSupport.install(table, revokeThis, revokeProvider);
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(bar, table);
        updateButtons();
    }

    void show(SessionsSnapshot snapshot, boolean revoking) {
        busy = revoking;
        SessionRow selected = table.getSelectionModel().getSelectedItem();
        all = snapshot == null ? List.of() : snapshot.rows();
        Set<String> providers = new LinkedHashSet<>();
        providers.add(ALL);
        all.forEach(r -> providers.add(r.providerName()));
        String chosen = provider.getValue();
        provider.getItems().setAll(providers);
        provider.setValue(providers.contains(chosen) ? chosen : ALL);
        applyFilter();
        if (selected != null && selected.session() != null) {
            table.getItems().stream().filter(r -> r.session() != null && r.session().id().equals(selected.session().id()))
                    .findFirst().ifPresent(r -> table.getSelectionModel().select(r));
        }
        updateButtons();
    }

    private void applyFilter() {
        String p = provider.getValue();
        String d = device.getText() == null ? "" : device.getText().strip().toLowerCase(Locale.ROOT);
        List<SessionRow> rows = new ArrayList<>();
        for (SessionRow r : all) {
            if (p != null && !ALL.equals(p) && !p.equals(r.providerName())) continue;
            if (!d.isEmpty() && (r.session() == null || !deviceText(r.session()).contains(d))) continue;
            rows.add(r);
        }
        table.getItems().setAll(rows);
        long sessions = rows.stream().filter(r -> r.session() != null).count();
        count.setText(sessions + " of " + all.stream().filter(r -> r.session() != null).count() + " sessions");
    }

    private void updateButtons() {
        SessionRow row = table.getSelectionModel().getSelectedItem();
        boolean one = row != null && row.revocableAlone() && !busy;
        revokeSelected.setDisable(!one);
        revokeThis.setDisable(!one);
        revokeProvider.setDisable(row == null || !row.owner().canRevokeAll() || busy);
        revokeSelected.setText(row != null && row.session() != null && !row.revocableAlone()
                ? "This provider ends sessions only all at once" : "Revoke selected session");
    }

    private void selected(Consumer<SessionRow> action) {
        SessionRow row = table.getSelectionModel().getSelectedItem();
        if (row != null && row.revocableAlone()) action.accept(row);
    }

    private static String client(SessionRow r) {
        if (r.session() == null) return "";
        Session s = r.session();
        String apps = String.join(", ", s.apps());
        if (s.client() == null || s.client().isBlank()) return apps;
        return apps.isEmpty() ? s.client() : s.client() + " · " + apps;
    }

    private static String state(SessionRow r) {
        return switch (r.kind()) {
            case SESSION -> r.ended() ? "ended" : "active";
            case LOADING -> "loading…";
            case NONE -> "no sessions";
            case MANUAL -> "manual step";
            case ERROR -> "error";
        };
    }

    private static String when(SessionRow r) {
        if (r.session() == null) return "";
        String signedIn = Formats.dateTime(r.session().created());
        String seen = Formats.ago(r.session().lastSeen(), Instant.now());
        return signedIn.isEmpty() ? seen : seen.isEmpty() ? signedIn : signedIn + " · " + seen;
    }

    private static String join(String a, String b) {
        return nonNull(a).isBlank() ? nonNull(b) : nonNull(b).isBlank() ? a : a + " · " + b;
    }

    private static String deviceText(Session s) {
        return String.join(" ", nonNull(s.device()), nonNull(s.os()), nonNull(s.client()), nonNull(s.ip()),
                nonNull(s.location()), String.join(" ", s.apps())).toLowerCase(Locale.ROOT);
    }

    private static String nonNull(String s) { return s == null ? "" : s; }

}
