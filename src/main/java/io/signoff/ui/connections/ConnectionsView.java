package io.signoff.ui.connections;

import io.signoff.ui.TableSupport;
import io.signoff.controller.ConnectionDraft;
import io.signoff.controller.ConnectionRow;
import io.signoff.controller.ConnectionsController;
import io.signoff.controller.RemoveOutcome;
import io.signoff.controller.SaveOutcome;
import io.signoff.model.ProviderKind;
import io.signoff.ui.SectionView;
import io.signoff.vault.SecretPlacement;
import io.signoff.vault.SecretStatus;
import io.signoff.vault.VaultStatus;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Connections section: the list of connections with where each credential is kept, and the add/edit form.
 * Every controller call runs in the background; results come back to the FX thread with {@link Platform#runLater}.
 */
public final class ConnectionsView implements SectionView {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionsView.class);

    private final ConnectionsController controller;
    private final VBox root = new VBox(10);
    private final VBox keychainBanner = new VBox(6);
    private final Label keychainText = new Label();
    private final Button keepForSession = new Button("Keep for this session only");
    private final Label settingsBanner = new Label();
    private final Label status = new Label();
    private final TableView<ConnectionRow> table = new TableView<>();
    private final ConnectionForm form = new ConnectionForm();
    private final ScrollPane formPane = new ScrollPane(form.node());
    private final Button remove = new Button("Remove…");
    private final CompletableFuture<Void> loaded = new CompletableFuture<>();
    /** The connection in the form, or null while adding a new one. */
    private String editingId;
    /** Set while a save waits for the operator's "keep for this session only". */
    private boolean saveWaitsForSessionChoice;
    private VaultStatus lastKeychainStatus;

    public ConnectionsView(ConnectionsController controller) {
        this.controller = controller;
        root.getStylesheets().add(ConnectionsView.class.getResource("connections.css").toExternalForm());
        root.getStyleClass().add("connections-view");
        root.getChildren().addAll(keychainBanner(), settingsBanner(), toolbar(), body(), status);
        status.setId("connections-status");
        status.getStyleClass().add("muted");
        form.save.setOnAction(e -> save(SecretPlacement.KEYCHAIN));
        form.cancel.setOnAction(e -> closeForm());
        form.test.setOnAction(e -> test());
        keepForSession.setOnAction(e -> save(SecretPlacement.SESSION_ONLY));
        closeForm();
    }

    @Override
    public Node node() { return root; }

    @Override
    public void onShow() {
        List<String> problems = controller.settingsProblems();
        settingsBanner.setText(String.join("\n", problems));
        refresh(null);
        checkKeychain();
    }

    @Override
    public CompletionStage<Void> loaded() { return loaded; }

    private Node keychainBanner() {
        keychainBanner.setId("keychain-banner");
        keychainBanner.getStyleClass().addAll("warning-label", "keychain-banner");
        keychainText.setId("keychain-text");
        keychainText.setWrapText(true);
        keepForSession.setId("keep-for-session");
        Button checkAgain = new Button("Check again");
        checkAgain.setId("check-keychain");
        checkAgain.setOnAction(e -> checkKeychain());
        keychainBanner.getChildren().addAll(keychainText, new HBox(8, keepForSession, checkAgain));
        showKeychain(null);
        return keychainBanner;
    }

    private Node settingsBanner() {
        settingsBanner.setId("settings-banner");
        settingsBanner.getStyleClass().add("settings-problem");
        settingsBanner.setWrapText(true);
        settingsBanner.setMaxWidth(Double.MAX_VALUE);
        settingsBanner.visibleProperty().bind(settingsBanner.textProperty().isNotEmpty());
        settingsBanner.managedProperty().bind(settingsBanner.visibleProperty());
        return settingsBanner;
    }

    private Node toolbar() {
        MenuButton add = new MenuButton("Add connection");
        add.setId("add-connection");
        for (ProviderKind kind : ProviderKind.values()) {
            MenuItem item = new MenuItem(kind.displayName());
            item.setId("add-" + kind.slug());
            item.setOnAction(e -> openNew(kind));
            add.getItems().add(item);
        }
        remove.setId("remove-connection");
        remove.getStyleClass().add("danger-button");
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> confirmRemove(table.getSelectionModel().getSelectedItem()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return new HBox(8, add, spacer, remove);
    }

    private Node body() {
        table.setId("connections-table");
        table.setPlaceholder(new Label("No connections yet: add one with \"Add connection\"."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<ConnectionRow, String> kind = TableSupport.textColumn("Kind", ConnectionRow::kindText);
        kind.setPrefWidth(170);
        TableColumn<ConnectionRow, ConnectionRow> name = new TableColumn<>("Name");
        name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        name.setCellFactory(c -> new NameCell());
        name.setPrefWidth(190);
        TableColumn<ConnectionRow, String> url = TableSupport.textColumn("URL", ConnectionRow::url);
        url.setPrefWidth(220);
        TableColumn<ConnectionRow, ConnectionRow> secret = new TableColumn<>("Secret");
        secret.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        secret.setCellFactory(c -> new SecretCell());
        secret.setPrefWidth(140);
        table.getColumns().add(kind);
        table.getColumns().add(name);
        table.getColumns().add(url);
        table.getColumns().add(secret);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row != null && !row.id().equals(editingId)) openExisting(row);
        });
        formPane.setFitToWidth(true);
        formPane.setId("connection-form-pane");
        Label hint = new Label("Select a connection to edit or test it, or add one with \"Add connection\".\n"
                + "Secrets go to the OS keychain; this form never shows a stored secret.");
        hint.setWrapText(true);
        hint.getStyleClass().add("muted");
        hint.visibleProperty().bind(formPane.visibleProperty().not());
        StackPane detail = new StackPane(hint, formPane);
        detail.setPadding(new javafx.geometry.Insets(12));
        SplitPane split = new SplitPane(table, detail);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.55);
        VBox.setVgrow(split, Priority.ALWAYS);
        return split;
    }


    /** The name, with a red badge for a connection that skips TLS verification. */
    private static final class NameCell extends TableCell<ConnectionRow, ConnectionRow> {
        @Override
        protected void updateItem(ConnectionRow row, boolean empty) {
            super.updateItem(row, empty);
            setText(null);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            HBox box = new HBox(6, new Label(row.name()));
            if (row.skipsTlsVerification()) {
                Label badge = new Label("⚠ TLS off");
                badge.getStyleClass().add("tls-badge");
                badge.setMinWidth(Region.USE_PREF_SIZE);
                box.getChildren().add(badge);
            }
            setGraphic(box);
        }
    }

    /** Where the credential is: "stored in keychain", "this session only" (highlighted) or "missing" (red). */
    private static final class SecretCell extends TableCell<ConnectionRow, ConnectionRow> {
        @Override
        protected void updateItem(ConnectionRow row, boolean empty) {
            super.updateItem(row, empty);
            setText(null);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            Label secret = new Label(row.secretStatus().text());
            secret.getStyleClass().add("secret-" + row.secretStatus().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            setGraphic(secret);
        }
    }

    private void refresh(String select) {
        onFx(controller.rows(), rows -> {
            table.getItems().setAll(rows);
            if (select != null) {
                rows.stream().filter(r -> r.id().equals(select)).findFirst()
                        .ifPresent(r -> table.getSelectionModel().select(r));
            }
            loaded.complete(null);
        });
    }

    private void checkKeychain() {
        onFx(controller.keychainStatus(), this::showKeychain);
    }

    /** Shows the banner while the keychain is not available or a save waits for "keep for this session only". */
    private void showKeychain(VaultStatus vault) {
        if (vault != null) lastKeychainStatus = vault;
        boolean unavailable = lastKeychainStatus != null && !lastKeychainStatus.isAvailable();
        keychainText.setText(lastKeychainStatus == null ? "" : lastKeychainStatus.explanation());
        keepForSession.setVisible(saveWaitsForSessionChoice);
        keepForSession.setManaged(saveWaitsForSessionChoice);
        keychainBanner.setVisible(unavailable || saveWaitsForSessionChoice);
        keychainBanner.setManaged(keychainBanner.isVisible());
    }

    private void openNew(ProviderKind kind) {
        editingId = null;
        table.getSelectionModel().clearSelection();
        form.show(kind, controller.newDraft(kind), null);
        form.test.setDisable(true);
        showForm(true);
    }

    private void openExisting(ConnectionRow row) {
        controller.draftOf(row.id()).ifPresent(draft -> {
            editingId = row.id();
            form.show(row.connection().kind(), draft, row.secretStatus());
            form.test.setDisable(false);
            showForm(true);
        });
    }

    private void closeForm() {
        editingId = null;
        saveWaitsForSessionChoice = false;
        showKeychain(null);
        table.getSelectionModel().clearSelection();
        showForm(false);
    }

    private void showForm(boolean visible) {
        formPane.setVisible(visible);
        form.node().setDisable(!visible);
    }

    private void save(SecretPlacement placement) {
        ConnectionDraft draft = form.draft();
        char[] secret = form.secret();
        char[] proxyPassword = form.proxyPassword();
        try {
            var errors = controller.validate(editingId, draft, secret, proxyPassword);
            form.showErrors(errors);
            if (!errors.isEmpty()) {
                status.setText("Fix the marked fields; nothing was saved.");
                return;
            }
            form.save.setDisable(true);
            keepForSession.setDisable(true);
            CompletableFuture<SaveOutcome> saving = editingId == null
                    ? controller.add(draft, secret, proxyPassword, placement)
                    : controller.edit(editingId, draft, secret, proxyPassword, placement);
            onFx(saving, this::saved);
        } finally {
            Arrays.fill(secret, '\0');
            Arrays.fill(proxyPassword, '\0');
        }
    }

    private void saved(SaveOutcome outcome) {
        form.save.setDisable(false);
        keepForSession.setDisable(false);
        if (outcome instanceof SaveOutcome.Saved s) {
            saveWaitsForSessionChoice = false;
            showKeychain(null);
            form.clearSecrets();
            form.showFormError("");
            editingId = s.connection().id();
            form.showEditing(s.connection().kind());
            form.showSecretStatus(s.secretStatus());
            form.test.setDisable(false);
            status.setText("Saved \"" + s.connection().displayName() + "\""
                    + (s.secretStatus() == SecretStatus.SESSION_ONLY ? " — its secret is kept for this session only." : "."));
            refresh(editingId);
        } else if (outcome instanceof SaveOutcome.Invalid invalid) {
            form.showErrors(invalid.errors());
            status.setText("Fix the marked fields; nothing was saved.");
        } else if (outcome instanceof SaveOutcome.KeychainUnavailable k) {
            saveWaitsForSessionChoice = true;
            showKeychain(k.status());
            status.setText("Not saved: the keychain could not take the secret.");
        } else if (outcome instanceof SaveOutcome.Failed f) {
            form.showFormError(f.message());
            status.setText("Not saved.");
        }
    }

    private void test() {
        if (editingId == null) return;
        char[] typed = form.secret();
        boolean secretTyped = typed.length > 0;
        Arrays.fill(typed, '\0');
        if (secretTyped || controller.hasUnsavedChanges(editingId, form.draft())) {
            form.showFormError("Save your changes first: Test checks the saved connection.");
            return;
        }
        form.showFormError("");
        form.test.setDisable(true);
        form.showTesting(true);
        onFx(controller.test(editingId), result -> {
            form.showTesting(false);
            form.test.setDisable(false);
            form.showTestResult(result);
        });
    }

    private void confirmRemove(ConnectionRow row) {
        if (row == null) return;
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION,
                "Its secrets are deleted from the keychain. This cannot be undone.", ButtonType.CANCEL, ButtonType.OK);
        confirm.setTitle("Remove connection");
        confirm.setHeaderText("Remove the connection \"" + row.name() + "\" (" + row.connection().kind().displayName() + ")?");
        if (root.getScene() != null) confirm.initOwner(root.getScene().getWindow());
        ((Button) confirm.getDialogPane().lookupButton(ButtonType.OK)).setDefaultButton(false);
        ((Button) confirm.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        confirm.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> onFx(controller.remove(row.id()), outcome -> {
            if (outcome instanceof RemoveOutcome.Removed r) {
                closeForm();
                status.setText("Removed \"" + r.name() + "\"." + (r.note().isEmpty() ? "" : " " + r.note()));
                refresh(null);
            } else if (outcome instanceof RemoveOutcome.Failed f) {
                status.setText("Not removed: " + f.message());
            }
        }));
    }

    /** Delivers a background result on the FX thread; an unexpected failure is logged and shown in the status line. */
    private <T> void onFx(CompletionStage<T> stage, Consumer<T> then) {
        stage.whenComplete((value, error) -> Platform.runLater(() -> {
            if (error != null) {
                LOG.error("Connections: a background task failed", error);
                status.setText("Something went wrong: " + error.getMessage());
                form.save.setDisable(false);
                form.showTesting(false);
                loaded.complete(null);
                return;
            }
            then.accept(value);
        }));
    }
}
