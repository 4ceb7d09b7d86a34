package io.signoff.ui.offboarding;

import io.signoff.controller.OffboardingController;
import io.signoff.offboarding.BundleOption;
import io.signoff.offboarding.CustomStep;
import io.signoff.offboarding.OffboardingTarget;
import io.signoff.offboarding.OptionsTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Page 3: what to do. One block per connection where someone has an account (from its capabilities, pre-filled from
 * the engine's suggestion and the tenant's CIPP defaults), manual steps the operator adds, the ticket reference, and
 * named templates (save, load, per tenant).
 */
final class OptionsPage {
    private static final String ALL_TENANTS = "all tenants";

    private final OffboardingController offboarding;
    private final Consumer<String> status;
    private final Predicate<String> confirmHardDelete;
    private final BooleanProperty ready = new SimpleBooleanProperty(false);
    private final VBox root = new VBox(8);
    private final VBox connectionsBox = new VBox(14);
    private final TextField reference = new TextField();
    private final ComboBox<OptionsTemplate> templates = new ComboBox<>();
    private final TextField templateName = new TextField();
    private final ComboBox<String> templateTenant = new ComboBox<>();
    private final Label templateNote = new Label();
    private final ListView<CustomStep> customSteps = new ListView<>();
    private final TextField stepTitle = new TextField();
    private final TextField stepInstruction = new TextField();
    private final List<ConnectionOptionsPane> panes = new ArrayList<>();
    private OptionsModel model;
    private List<OffboardingTarget> shownFor;

    OptionsPage(OffboardingController offboarding, Consumer<String> status, Predicate<String> confirmHardDelete) {
        this.offboarding = offboarding;
        this.status = status;
        this.confirmHardDelete = confirmHardDelete;
        root.getStyleClass().add("wizard-page");

        templates.setId("template-choice");
        templates.setPromptText("Templates…");
        templates.setCellFactory(v -> templateCell());
        templates.setButtonCell(templateCell());
        Button load = new Button("Load");
        load.setId("template-load");
        load.disableProperty().bind(templates.valueProperty().isNull());
        load.setOnAction(e -> loadTemplate(templates.getValue()));
        Button delete = new Button("Delete");
        delete.setId("template-delete");
        delete.disableProperty().bind(templates.valueProperty().isNull());
        delete.setOnAction(e -> deleteTemplate(templates.getValue()));
        templateName.setId("template-name");
        templateName.setPromptText("Template name");
        templateTenant.setId("template-tenant");
        Button save = new Button("Save as template");
        save.setId("template-save");
        save.disableProperty().bind(templateName.textProperty().isEmpty());
        save.setOnAction(e -> saveTemplate());
        HBox templateBar = new HBox(8, new Label("Template:"), templates, load, delete, new Label("   Save these choices as"),
                templateName, new Label("for"), templateTenant, save);
        templateBar.setAlignment(Pos.CENTER_LEFT);
        templateNote.setId("template-note");
        templateNote.getStyleClass().add("muted");
        templateNote.setWrapText(true);
        templateNote.managedProperty().bind(templateNote.textProperty().isNotEmpty());
        templateNote.visibleProperty().bind(templateNote.textProperty().isNotEmpty());

        reference.setId("options-reference");
        reference.setPromptText("Ticket number or note — sent with the CIPP job and kept in the audit trail");
        reference.textProperty().addListener((obs, old, now) -> {
            if (model != null) model.setReference(now);
        });
        HBox.setHgrow(reference, Priority.ALWAYS);
        HBox referenceBar = new HBox(8, new Label("Reference:"), reference);
        referenceBar.setAlignment(Pos.CENTER_LEFT);

        ScrollPane scroll = new ScrollPane(new VBox(14, connectionsBox, customStepsBox()));
        scroll.setFitToWidth(true);
        scroll.setId("options-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        root.getChildren().addAll(templateBar, templateNote, referenceBar, scroll);
    }

    Node node() { return root; }

    BooleanProperty ready() { return ready; }

    /** The model of what is on screen; null before the page was first shown. */
    OptionsModel model() { return model; }

    /** Shows the options for these people; the operator's choices are kept when the people did not change. */
    void enter(List<OffboardingTarget> targets) {
        if (model != null && targets.equals(shownFor)) return;
        shownFor = List.copyOf(targets);
        String keptReference = model == null ? "" : model.reference();
        model = OptionsModel.of(targets, offboarding.suggestedOptions(targets));
        if (model.reference().isBlank()) model.setReference(keptReference);
        List<BundleOption> bundleOptions = offboarding.bundleOptions();
        panes.clear();
        connectionsBox.getChildren().clear();
        for (OptionsModel.Section s : model.sections()) {
            ConnectionOptionsPane pane = new ConnectionOptionsPane(model, s, bundleOptions, p -> changed(), confirmHardDelete);
            panes.add(pane);
            connectionsBox.getChildren().add(pane.node());
        }
        reference.setText(model.reference());
        templateTenant.getItems().setAll(ALL_TENANTS);
        templateTenant.getItems().addAll(model.tenants());
        templateTenant.setValue(ALL_TENANTS);
        refreshCustomSteps();
        refreshTemplates();
        changed();
    }

    void reset() {
        model = null;
        shownFor = null;
        reference.clear();
        panes.clear();
        connectionsBox.getChildren().clear();
        ready.set(false);
    }

    private VBox customStepsBox() {
        Label heading = new Label("Manual steps for every person (you attest each one with a note)");
        heading.getStyleClass().add("wizard-heading");
        customSteps.setId("custom-steps");
        customSteps.setPrefHeight(90);
        customSteps.setPlaceholder(new Label("None. Add things no API does, e.g. \"Collect laptop\"."));
        customSteps.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(CustomStep step, boolean empty) {
                super.updateItem(step, empty);
                setText(empty || step == null ? null
                        : "MANUAL · " + step.title() + (step.instruction().isBlank() ? "" : " — " + step.instruction()));
            }
        });
        stepTitle.setId("custom-step-title");
        stepTitle.setPromptText("e.g. Collect laptop");
        stepInstruction.setId("custom-step-instruction");
        stepInstruction.setPromptText("Instruction (optional)");
        HBox.setHgrow(stepInstruction, Priority.ALWAYS);
        Button add = new Button("Add step");
        add.setId("custom-step-add");
        add.disableProperty().bind(stepTitle.textProperty().isEmpty());
        add.setOnAction(e -> {
            if (model == null || stepTitle.getText().isBlank()) return;
            model.addCustomStep(stepTitle.getText(), stepInstruction.getText());
            stepTitle.clear();
            stepInstruction.clear();
            refreshCustomSteps();
            changed();
        });
        Button remove = new Button("Remove");
        remove.setId("custom-step-remove");
        remove.disableProperty().bind(customSteps.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> {
            model.removeCustomStep(customSteps.getSelectionModel().getSelectedIndex());
            refreshCustomSteps();
            changed();
        });
        HBox bar = new HBox(8, stepTitle, stepInstruction, add, remove);
        bar.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, heading, customSteps, bar);
    }

    private void changed() {
        ready.set(model != null && model.anythingChosen());
    }

    private void refreshCustomSteps() {
        customSteps.getItems().setAll(model == null ? List.of() : model.customSteps());
    }

    private void refreshTemplates() {
        FxAsync.onFx(offboarding.templates(null), "Listing templates", all -> {
            if (model == null) return;
            OptionsTemplate selected = templates.getValue();
            templates.getItems().setAll(model.applicable(all));
            if (selected != null) {
                templates.getItems().stream().filter(t -> t.name().equals(selected.name())).findFirst()
                        .ifPresent(templates::setValue);
            }
        }, this::note);
    }

    private void saveTemplate() {
        if (model == null) return;
        String name = templateName.getText().strip();
        String tenant = ALL_TENANTS.equals(templateTenant.getValue()) ? null : templateTenant.getValue();
        FxAsync.onFx(offboarding.saveTemplate(name, tenant, model.toTemplateOptions()), "Saving template \"" + name + "\"",
                saved -> {
                    note("Saved template \"" + saved.name() + "\"" + (saved.tenant() == null ? "" : " for " + saved.tenant()) + ".");
                    templateName.clear();
                    refreshTemplates();
                }, this::note);
    }

    private void loadTemplate(OptionsTemplate chosen) {
        if (model == null || chosen == null) return;
        // Read it again: another console may have saved a newer version under the same name.
        FxAsync.onFx(offboarding.loadTemplate(chosen.name()), "Loading template \"" + chosen.name() + "\"", found -> {
            if (found.isEmpty()) {
                note("Template \"" + chosen.name() + "\" no longer exists.");
                refreshTemplates();
                return;
            }
            List<String> notes = model.applyTemplate(found.get());
            panes.forEach(ConnectionOptionsPane::sync);
            refreshCustomSteps();
            changed();
            note("Loaded \"" + found.get().name() + "\"." + (notes.isEmpty() ? "" : " " + String.join(" ", notes)));
        }, this::note);
    }

    private void deleteTemplate(OptionsTemplate chosen) {
        FxAsync.onFx(offboarding.deleteTemplate(chosen.name()), "Deleting template \"" + chosen.name() + "\"", existed -> {
            note(existed ? "Deleted template \"" + chosen.name() + "\"." : "Template \"" + chosen.name() + "\" was already gone.");
            templates.setValue(null);
            refreshTemplates();
        }, this::note);
    }

    private void note(String text) {
        templateNote.setText(text);
        status.accept(text);
    }

    private static ListCell<OptionsTemplate> templateCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(OptionsTemplate t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty || t == null ? null : t.name() + (t.tenant() == null ? "" : "  (" + t.tenant() + ")"));
            }
        };
    }
}
