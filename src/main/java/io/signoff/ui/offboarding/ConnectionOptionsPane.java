package io.signoff.ui.offboarding;

import io.signoff.model.Capability;
import io.signoff.model.RevokeOptions;
import io.signoff.offboarding.BundleOption;
import io.signoff.offboarding.BundleOptions;
import io.signoff.offboarding.ProviderOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * One connection's options: only what its capabilities allow, the provider job's options (CIPP ExecOffboardUser) in
 * the provider's run order, the manual logout where the provider has no session API. Every control writes to the
 * {@link OptionsModel}, then all controls are re-read from it, so exclusions (Delete user) show at once.
 */
final class ConnectionOptionsPane {
    private final OptionsModel model;
    private final OptionsModel.Section section;
    private final Runnable changed;
    private final VBox root = new VBox(6);
    /** Re-reads each control from the model; run after every change. */
    private final List<Runnable> syncs = new ArrayList<>();
    private boolean syncing;

    /**
     * @param confirmHardDelete asks the operator to confirm a permanent delete on the named connection; false leaves it off
     */
    ConnectionOptionsPane(OptionsModel model, OptionsModel.Section section, List<BundleOption> bundleOptions,
                          Consumer<ConnectionOptionsPane> onChange, Predicate<String> confirmHardDelete) {
        this.model = model;
        this.section = section;
        this.changed = () -> onChange.accept(this);
        root.getStyleClass().add("connection-options");
        root.setId("options-" + section.id());
        Label title = new Label(section.connection().displayName() + " — " + section.connection().kind().displayName());
        title.getStyleClass().add("wizard-heading");
        String where = section.tenantLabels().isEmpty() ? "" : String.join(", ", section.tenantLabels()) + " · ";
        Label sub = new Label(where + section.accounts() + (section.accounts() == 1 ? " account" : " accounts"));
        sub.getStyleClass().add("muted");
        root.getChildren().addAll(title, sub);

        String id = section.id();
        if (section.supports(Capability.DISABLE_SIGN_IN)) {
            root.getChildren().add(action("block", "Block sign-in (done first, before any session is revoked)",
                    () -> model.options(id).disableSignIn(), on -> o -> o.withDisableSignIn(on)));
        }
        if (section.supports(Capability.REVOKE_ALL_SESSIONS)) {
            root.getChildren().add(action("revoke", "Revoke all sessions",
                    () -> model.options(id).revokeSessions(), on -> o -> o.withRevokeSessions(on, o.revoke())));
            revokeChoices().ifPresentNode(root);
        }
        if (section.supports(Capability.DEACTIVATE)) {
            root.getChildren().add(action("deactivate", "Deactivate the account",
                    () -> model.options(id).deactivate(), on -> o -> o.withDeactivate(on)));
        }
        if (section.offersManualLogout()) {
            CheckBox logout = action("manual-logout", "Log out user — MANUAL step (no API): " + section.manualInstruction(),
                    () -> model.options(id).manualLogout(), on -> o -> o.withManualLogout(on));
            logout.getStyleClass().add("manual-option");
            logout.setWrapText(true);
            root.getChildren().add(logout);
        }
        if (section.supports(Capability.HARD_DELETE)) {
            CheckBox delete = action("hard-delete", "Also delete permanently (irreversible; asks to confirm)",
                    () -> model.options(id).hardDelete(), on -> o -> o.withHardDelete(on));
            delete.getStyleClass().add("danger-option");
            delete.setOnAction(e -> {
                boolean want = delete.isSelected() && confirmHardDelete.test(section.connection().displayName());
                change(o -> o.withHardDelete(want));
            });
            root.getChildren().add(delete);
        }
        if (section.supports(Capability.OFFBOARD_BUNDLE)) {
            root.getChildren().add(bundle(bundleOptions));
        }
        if (root.getChildren().size() == 2) {
            Label none = new Label("This connection offers no offboarding action through its API.");
            none.getStyleClass().add("muted");
            root.getChildren().add(none);
        }
        sync();
    }

    Node node() { return root; }

    OptionsModel.Section section() { return section; }

    /** Re-reads every control from the model (after a template was loaded, or another control changed it). */
    void sync() {
        syncing = true;
        try {
            syncs.forEach(Runnable::run);
        } finally {
            syncing = false;
        }
    }

    private CheckBox action(String key, String text, BooleanSupplier value,
                            Function<Boolean, UnaryOperator<ProviderOptions>> set) {
        CheckBox box = new CheckBox(text);
        box.setId("option-" + section.id() + "-" + key);
        box.setOnAction(e -> change(set.apply(box.isSelected())));
        syncs.add(() -> {
            box.setSelected(value.getAsBoolean());
            box.setDisable(!model.actionsEnabled(section.id()));
        });
        return box;
    }

    private OptionalNode revokeChoices() {
        String id = section.id();
        HBox row = new HBox(12);
        row.getStyleClass().add("sub-options");
        if (section.revokeChoices().contains(OptionsModel.RevokeChoice.SCOPE)) {
            ChoiceBox<RevokeOptions.Scope> scope = new ChoiceBox<>();
            scope.setId("option-" + id + "-revoke-scope");
            scope.getItems().setAll(RevokeOptions.Scope.values());
            scope.setConverter(new StringConverter<>() {
                @Override public String toString(RevokeOptions.Scope s) {
                    return s == null ? "" : switch (s) {
                        case ALL -> "all sessions";
                        case WEB_ONLY -> "web sessions only";
                        case MOBILE_ONLY -> "mobile sessions only";
                    };
                }

                @Override public RevokeOptions.Scope fromString(String s) { return RevokeOptions.Scope.ALL; }
            });
            scope.setOnAction(e -> {
                if (scope.getValue() == null) return;
                change(o -> o.withRevokeSessions(o.revokeSessions(),
                        new RevokeOptions(scope.getValue(), o.revoke().includeDevices(), o.revoke().warpReauth())));
            });
            syncs.add(() -> {
                scope.setValue(model.options(id).revoke().scope());
                scope.setDisable(!model.actionsEnabled(id) || !model.options(id).revokeSessions());
            });
            row.getChildren().addAll(new Label("Which:"), scope);
        }
        if (section.revokeChoices().contains(OptionsModel.RevokeChoice.DEVICES)) {
            CheckBox devices = new CheckBox("also revoke the WARP devices");
            devices.setId("option-" + id + "-revoke-devices");
            CheckBox reauth = new CheckBox("force WARP re-authentication");
            reauth.setId("option-" + id + "-revoke-warp");
            devices.setOnAction(e -> change(o -> o.withRevokeSessions(o.revokeSessions(),
                    new RevokeOptions(o.revoke().scope(), devices.isSelected(), o.revoke().warpReauth()))));
            reauth.setOnAction(e -> change(o -> o.withRevokeSessions(o.revokeSessions(),
                    new RevokeOptions(o.revoke().scope(), o.revoke().includeDevices(), reauth.isSelected()))));
            syncs.add(() -> {
                RevokeOptions r = model.options(id).revoke();
                boolean off = !model.actionsEnabled(id) || !model.options(id).revokeSessions();
                devices.setSelected(r.includeDevices());
                reauth.setSelected(r.warpReauth());
                devices.setDisable(off);
                reauth.setDisable(off);
            });
            row.getChildren().addAll(devices, reauth);
        }
        return new OptionalNode(row.getChildren().isEmpty() ? null : row);
    }

    private Node bundle(List<BundleOption> options) {
        String id = section.id();
        VBox box = new VBox(6);
        box.getStyleClass().add("bundle-options");
        Label heading = new Label("Offboarding job — runs on the CIPP server, in this order");
        heading.getStyleClass().add("wizard-subheading");
        Label deleteNote = new Label("\"Delete user\" replaces every other action on this connection, as in CIPP.");
        deleteNote.getStyleClass().add("warning-label");
        deleteNote.setWrapText(true);
        syncs.add(() -> {
            deleteNote.setVisible(model.deletesUser(id));
            deleteNote.setManaged(model.deletesUser(id));
        });
        FlowPane flags = new FlowPane(16, 6);
        flags.getStyleClass().add("bundle-flags");
        GridPane values = new GridPane();
        values.setHgap(8);
        values.setVgap(6);
        Map<String, Control> controls = new LinkedHashMap<>();
        int valueRow = 0;
        for (BundleOption option : options) {
            String controlId = "option-" + id + "-" + option.name();
            Control control;
            switch (option.type()) {
                case FLAG -> {
                    CheckBox flag = new CheckBox(option.label());
                    flag.setOnAction(e -> setBundle(option.name(), flag.isSelected() ? Boolean.TRUE : null));
                    syncs.add(() -> flag.setSelected(model.bundleOptionSelected(id, option.name())));
                    flag.setPrefWidth(250);
                    flags.getChildren().add(flag);
                    control = flag;
                }
                case TEXT, PERSON, PEOPLE -> {
                    TextInputControl text = option.type() == BundleOption.Type.TEXT ? new TextArea() : new TextField();
                    if (text instanceof TextArea area) area.setPrefRowCount(2);
                    text.setPromptText(switch (option.type()) {
                        case PERSON -> "a colleague's email or UPN";
                        case PEOPLE -> "colleagues' emails, separated by commas";
                        default -> "";
                    });
                    text.textProperty().addListener((obs, old, now) -> {
                        if (!syncing) setBundle(option.name(), valueOf(option.type(), now));
                    });
                    syncs.add(() -> {
                        String shown = display(model.bundleValue(id, option.name()));
                        if (!shown.equals(text.getText()) && !text.isFocused()) text.setText(shown);
                    });
                    text.setPrefWidth(420);
                    values.addRow(valueRow++, new Label(option.label()), text);
                    control = text;
                }
                case CHANNELS -> {
                    values.addRow(valueRow++, new Label(option.label()), channels(id, option));
                    continue; // one check box per channel, each kept in step by channels()
                }
                default -> throw new IllegalStateException("unhandled option type " + option.type());
            }
            control.setId(controlId);
            String hint = model.bundleOptionDoneDirectly(id, option.name())
                    ? option.description() + ". Done as its own step, outside the job: sign-in is blocked first, then "
                            + "sessions are revoked (Microsoft's order), each verified." : option.description();
            if (!hint.isBlank()) control.setTooltip(new Tooltip(hint));
            controls.put(option.name(), control);
        }
        syncs.add(() -> controls.forEach((name, c) -> c.setDisable(!model.bundleOptionEnabled(id, name))));
        box.getChildren().addAll(heading, deleteNote, flags, values);
        return box;
    }

    /** One check box per notification channel; ticking one adds it to the option's list of channels. */
    private HBox channels(String id, BundleOption option) {
        HBox row = new HBox(16);
        for (String channel : BundleOptions.NOTIFY_CHANNELS) {
            CheckBox box = new CheckBox(switch (channel) {
                case "psa" -> "PSA";
                case "email" -> "Email";
                case "webhook" -> "Webhook";
                default -> channel;
            });
            box.setId("option-" + id + "-" + option.name() + "-" + channel);
            box.setTooltip(new Tooltip(option.description()));
            box.setOnAction(e -> {
                List<String> chosen = new ArrayList<>(BundleOptions.channels(model.bundleValue(id, option.name())));
                chosen.remove(channel);
                if (box.isSelected()) chosen.add(channel);
                setBundle(option.name(), chosen);
            });
            syncs.add(() -> {
                box.setSelected(BundleOptions.channels(model.bundleValue(id, option.name())).contains(channel));
                box.setDisable(!model.bundleOptionEnabled(id, option.name()));
            });
            row.getChildren().add(box);
        }
        return row;
    }

    private void setBundle(String name, Object value) {
        if (syncing) return;
        model.setBundleOption(section.id(), name, value);
        sync();
        changed.run();
    }

    private void change(UnaryOperator<ProviderOptions> change) {
        if (syncing) return;
        model.update(section.id(), change);
        sync();
        changed.run();
    }

    private static Object valueOf(BundleOption.Type type, String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) return null;
        if (type == BundleOption.Type.PEOPLE) {
            return Arrays.stream(t.split("[,;\\s]+")).filter(s -> !s.isBlank()).toList();
        }
        return t;
    }

    private static String display(Object value) {
        if (value == null) return "";
        if (value instanceof java.util.Collection<?> c) return String.join(", ", c.stream().map(String::valueOf).toList());
        return String.valueOf(value);
    }

    /** A node that may not exist (a provider without revoke sub-choices). */
    private record OptionalNode(Node node) {
        void ifPresentNode(VBox parent) {
            if (node != null) parent.getChildren().add(node);
        }
    }
}
