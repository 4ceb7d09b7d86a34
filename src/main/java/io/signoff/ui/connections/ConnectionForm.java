package io.signoff.ui.connections;

import io.signoff.controller.ConnectionDraft;
import io.signoff.controller.ConnectionField;
import io.signoff.controller.ConnectionKinds;
import io.signoff.controller.ConnectionTestResult;
import io.signoff.model.ProviderKind;
import io.signoff.vault.SecretStatus;
import java.io.File;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/**
 * The add/edit form of one connection, built from {@link ConnectionKinds} for the kind at hand. It only shows and
 * reads values: the view decides what to do with them. Secret fields are write-only: they start empty and say
 * whether a secret is stored.
 */
final class ConnectionForm {
    static final String SKIP_TLS_WARNING = "TLS verification is OFF for this connection: anyone on the network path "
            + "can read its credentials and change its answers. Use it only in a lab; prefer an extra CA bundle.";

    private final VBox root = new VBox(10);
    private final Label title = new Label();
    private final Label note = new Label();
    private final GridPane main = grid();
    private final GridPane advanced = grid();
    private final TitledPane advancedPane = new TitledPane("Advanced — request options", advanced);
    private final Map<ConnectionField, Control> inputs = new EnumMap<>(ConnectionField.class);
    private final Map<ConnectionField, Label> errors = new EnumMap<>(ConnectionField.class);
    private final Label secretStatus = new Label();
    private final Label skipTlsWarning = new Label(SKIP_TLS_WARNING);
    private final Label formError = new Label();
    final Button save = new Button("Save");
    final Button cancel = new Button("Cancel");
    final Button test = new Button("Test");
    private final ProgressIndicator testProgress = new ProgressIndicator();
    private final Label testHeadline = new Label();
    private final Label testDetail = new Label();
    private ProviderKind kind;

    ConnectionForm() {
        root.getStyleClass().add("connection-form");
        root.setId("connection-form");
        title.getStyleClass().add("form-title");
        note.getStyleClass().add("kind-note");
        note.setWrapText(true);
        advancedPane.setId("advanced");
        advancedPane.setExpanded(false);
        skipTlsWarning.setId("skip-tls-warning");
        skipTlsWarning.getStyleClass().add("tls-warning");
        skipTlsWarning.setWrapText(true);
        secretStatus.setId("secret-status");
        secretStatus.getStyleClass().add("secret-hint");
        secretStatus.setWrapText(true);
        formError.setId("form-error");
        formError.getStyleClass().add("field-error");
        formError.setWrapText(true);
        hideWhenEmpty(formError);
        save.setId("save-connection");
        save.setDefaultButton(true);
        cancel.setId("cancel-connection");
        test.setId("test-connection");
        testProgress.setId("test-progress");
        testProgress.setPrefSize(18, 18);
        testProgress.setVisible(false);
        testHeadline.setId("test-result");
        testDetail.setId("test-detail");
        testDetail.setWrapText(true);
        testDetail.getStyleClass().add("muted");
        hideWhenEmpty(testHeadline);
        hideWhenEmpty(testDetail);
        HBox buttons = new HBox(8, save, cancel, test, testProgress);
        root.getChildren().addAll(title, note, main, advancedPane, formError, buttons, testHeadline, testDetail);
        root.setPadding(new Insets(14));
    }

    Node node() { return root; }

    ProviderKind kind() { return kind; }

    /** Lays the form out for {@code kind} and fills it; {@code stored} is the status of the saved secret, or null when adding. */
    void show(ProviderKind newKind, ConnectionDraft draft, SecretStatus stored) {
        kind = newKind;
        title.setText((stored == null ? "New " : "Edit ") + newKind.displayName() + " connection");
        title.setId("form-title");
        note.setText(ConnectionKinds.note(newKind));
        inputs.clear();
        errors.clear();
        main.getChildren().clear();
        advanced.getChildren().clear();
        int row = 0;
        for (ConnectionField f : ConnectionKinds.mainFields(newKind)) {
            row = addRow(main, row, f, draft);
        }
        row = 0;
        for (ConnectionField f : ConnectionKinds.advancedFields(newKind)) {
            row = addRow(advanced, row, f, draft);
        }
        CheckBox skip = (CheckBox) inputs.get(ConnectionField.SKIP_TLS);
        skipTlsWarning.visibleProperty().bind(skip.selectedProperty());
        skipTlsWarning.managedProperty().bind(skip.selectedProperty());
        advancedPane.setExpanded(skip.isSelected());
        bindProxyFields();
        showSecretStatus(stored);
        formError.setText("");
        showTestResult(null);
    }

    private int addRow(GridPane grid, int row, ConnectionField f, ConnectionDraft draft) {
        Label label = new Label(ConnectionKinds.label(kind, f));
        Control input = input(f, draft);
        input.setId("field-" + f.name().toLowerCase(Locale.ROOT));
        label.setLabelFor(input);
        Label error = new Label();
        error.setId("error-" + f.name().toLowerCase(Locale.ROOT));
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        hideWhenEmpty(error);
        inputs.put(f, input);
        errors.put(f, error);
        VBox cell = new VBox(2, input, error);
        if (f == ConnectionField.SECRET) cell.getChildren().add(1, secretStatus);
        if (f == ConnectionField.SKIP_TLS) cell.getChildren().add(1, skipTlsWarning);
        if (f == ConnectionField.CA_BUNDLE) {
            Button browse = new Button("Browse…");
            browse.setOnAction(e -> browseCaBundle((TextField) input));
            HBox line = new HBox(6, input, browse);
            HBox.setHgrow(input, Priority.ALWAYS);
            cell.getChildren().set(0, line);
        }
        grid.add(label, 0, row);
        grid.add(cell, 1, row);
        return row + 1;
    }

    private Control input(ConnectionField f, ConnectionDraft draft) {
        return switch (f) {
            case SECRET, PROXY_PASSWORD -> {
                PasswordField p = new PasswordField();
                p.setPromptText(ConnectionKinds.prompt(kind, f));
                yield p;
            }
            case SKIP_TLS -> {
                CheckBox box = new CheckBox("Do not verify the server's certificate");
                box.setSelected(draft.skipTls());
                yield box;
            }
            case PROXY_TYPE -> {
                ChoiceBox<String> choice = new ChoiceBox<>();
                choice.getItems().setAll(List.of("NONE", "HTTP", "SOCKS"));
                choice.setConverter(new StringConverter<>() {
                    @Override public String toString(String v) { return "NONE".equals(v) ? "No proxy" : v; }
                    @Override public String fromString(String s) { return s; }
                });
                String value = draft.get(f).isBlank() ? "NONE" : draft.get(f);
                choice.setValue(value);
                yield choice;
            }
            default -> {
                TextField t = new TextField(draft.get(f));
                t.setPromptText(ConnectionKinds.prompt(kind, f));
                yield t;
            }
        };
    }

    private void bindProxyFields() {
        @SuppressWarnings("unchecked")
        ChoiceBox<String> type = (ChoiceBox<String>) inputs.get(ConnectionField.PROXY_TYPE);
        var none = Bindings.createBooleanBinding(() -> "NONE".equals(type.getValue()), type.valueProperty());
        for (ConnectionField f : List.of(ConnectionField.PROXY_HOST, ConnectionField.PROXY_PORT,
                ConnectionField.PROXY_USER, ConnectionField.PROXY_PASSWORD)) {
            inputs.get(f).disableProperty().bind(none);
        }
    }

    /** The form's values; secrets are not part of it. */
    ConnectionDraft draft() {
        ConnectionDraft d = new ConnectionDraft(kind, Map.of());
        for (Map.Entry<ConnectionField, Control> e : inputs.entrySet()) {
            if (e.getKey().isSecret()) continue;
            d = d.with(e.getKey(), valueOf(e.getValue()));
        }
        return d;
    }

    private static String valueOf(Control c) {
        if (c instanceof CheckBox box) return Boolean.toString(box.isSelected());
        if (c instanceof ChoiceBox<?> choice) return choice.getValue() == null ? "" : choice.getValue().toString();
        return ((TextInputControl) c).getText();
    }

    /** A fresh copy of the typed secret; the caller wipes it. (PasswordField keeps a String: JavaFX offers no char[].) */
    char[] secret() { return typed(ConnectionField.SECRET); }

    char[] proxyPassword() { return typed(ConnectionField.PROXY_PASSWORD); }

    private char[] typed(ConnectionField f) {
        Control c = inputs.get(f);
        return c == null ? new char[0] : ((PasswordField) c).getText().toCharArray();
    }

    /** Empties the secret fields: after a save they only say that a secret is stored. */
    void clearSecrets() {
        for (ConnectionField f : List.of(ConnectionField.SECRET, ConnectionField.PROXY_PASSWORD)) {
            if (inputs.get(f) instanceof PasswordField p) p.clear();
        }
    }

    void showSecretStatus(SecretStatus stored) {
        secretStatus.getStyleClass().removeAll("secret-session", "secret-missing");
        if (stored == null) {
            secretStatus.setText("Stored in the OS keychain when you save; never shown again.");
        } else {
            secretStatus.setText(switch (stored) {
                case IN_KEYCHAIN -> "A secret is stored in the keychain — type to replace it.";
                case SESSION_ONLY -> "A secret is kept for this session only — type to replace it.";
                case MISSING -> "No secret is stored — type it.";
                case KEYCHAIN_UNREACHABLE -> "The keychain cannot be reached; a secret may be stored — type to replace it.";
            });
            if (stored == SecretStatus.SESSION_ONLY) secretStatus.getStyleClass().add("secret-session");
            if (stored == SecretStatus.MISSING) secretStatus.getStyleClass().add("secret-missing");
        }
    }

    void showErrors(Map<ConnectionField, String> fieldErrors) {
        errors.forEach((f, label) -> label.setText(fieldErrors.getOrDefault(f, "")));
        boolean advancedError = fieldErrors.keySet().stream().anyMatch(f -> ConnectionKinds.advancedFields(kind).contains(f));
        if (advancedError) advancedPane.setExpanded(true);
        List<ConnectionField> unshown = fieldErrors.keySet().stream().filter(f -> !errors.containsKey(f)).toList();
        formError.setText(unshown.isEmpty() ? "" : String.join(" ", unshown.stream().map(fieldErrors::get).toList()));
    }

    /** After the first save a new connection is an existing one. */
    void showEditing(ProviderKind savedKind) {
        title.setText("Edit " + savedKind.displayName() + " connection");
    }

    void showFormError(String message) { formError.setText(message == null ? "" : message); }

    void showTesting(boolean running) {
        testProgress.setVisible(running);
        if (running) {
            testHeadline.getStyleClass().removeAll("test-success", "test-failure");
            testHeadline.setText("Testing…");
            testDetail.setText("");
        }
    }

    void showTestResult(ConnectionTestResult result) {
        testHeadline.getStyleClass().removeAll("test-success", "test-failure");
        if (result == null) {
            testHeadline.setText("");
            testDetail.setText("");
            return;
        }
        testHeadline.getStyleClass().add(result.success() ? "test-success" : "test-failure");
        testHeadline.setText((result.success() ? "✔ " : "✖ ") + result.headline());
        String detail = result.detail() == null ? "" : result.detail();
        testDetail.setText(result.advice().isBlank() ? detail : detail + (detail.isBlank() ? "" : "\n") + result.advice());
    }

    private void browseCaBundle(TextField target) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Extra CA bundle (PEM)");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("PEM certificates", "*.pem", "*.crt", "*.cer"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File file = chooser.showOpenDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (file != null) target.setText(file.getAbsolutePath());
    }

    private static void hideWhenEmpty(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(160);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setFillWidth(true);
        g.getColumnConstraints().setAll(labels, values);
        return g;
    }
}
