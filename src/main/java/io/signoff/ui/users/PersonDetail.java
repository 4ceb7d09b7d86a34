package io.signoff.ui.users;

import io.signoff.controller.Person;
import io.signoff.model.AccountStatus;
import io.signoff.model.DirectoryUser;
import io.signoff.ui.Formats;
import io.signoff.ui.TableSupport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The selected person: every account with its status, admin/owner flags and last activity. */
final class PersonDetail extends VBox {
    private static final PseudoClass INACTIVE = PseudoClass.getPseudoClass("inactive");

    private final Label name = new Label();
    private final Label email = new Label();
    private final Label roles = new Label();
    private final TableView<DirectoryUser> accounts = new TableView<>();
    private final Button showSessions = new Button("Show sessions");
    private Person person;

    /**
     * @param connectionName a connection id's display name
     * @param tenantName     the display name of the tenant an account lives in
     */
    PersonDetail(Function<String, String> connectionName, Function<DirectoryUser, String> tenantName,
                 Consumer<Person> onShowSessions) {
        super(8);
        setId("person-detail");
        getStyleClass().add("person-detail");
        name.setId("detail-name");
        name.getStyleClass().add("detail-name");
        email.setId("detail-email");
        email.getStyleClass().add("muted");
        roles.setId("detail-roles");
        roles.getStyleClass().add("warning-label");
        roles.setWrapText(true);
        showSessions.setId("detail-show-sessions");
        showSessions.getStyleClass().add("accent-button");
        showSessions.setOnAction(e -> {
            if (person != null) onShowSessions.accept(person);
        });
        HBox header = new HBox(10, new VBox(2, name, email), roles, showSessions);
        HBox.setHgrow(header.getChildren().get(0), Priority.ALWAYS);
        header.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        accounts.setId("accounts-table");
        accounts.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        accounts.getColumns().add(TableSupport.textColumn("Connection", 130, a -> connectionName.apply(a.connectionId())));
        accounts.getColumns().add(TableSupport.textColumn("Provider", 150, a -> a.kind().displayName()));
        accounts.getColumns().add(TableSupport.textColumn("Tenant / workspace", 170, tenantName));
        accounts.getColumns().add(statusColumn());
        accounts.getColumns().add(TableSupport.textColumn("Role", 100, PersonDetail::role));
        accounts.getColumns().add(TableSupport.textColumn("Account", 190, a -> a.email().isBlank() ? a.displayName() : a.email()));
        accounts.getColumns().add(TableSupport.textColumn("Last activity", 95, a -> Formats.ago(a.lastActivity(), Instant.now())));
        accounts.getColumns().add(TableSupport.textColumn("User id", 150, DirectoryUser::id));
        accounts.setPlaceholder(new Label("Select a person to see their accounts."));
        MenuItem copyId = new MenuItem("Copy user id");
        copyId.setOnAction(e -> {
            DirectoryUser a = accounts.getSelectionModel().getSelectedItem();
            if (a != null) TableSupport.copy(a.id());
        });
        TableSupport.install(accounts, copyId);
        VBox.setVgrow(accounts, Priority.ALWAYS);
        HBox.setHgrow(roles, Priority.SOMETIMES);
        roles.setMaxWidth(520);
        getChildren().addAll(header, accounts);
        show(null);
    }

    void show(Person who) {
        person = who;
        showSessions.setDisable(who == null);
        name.setText(who == null ? "No person selected" : who.displayName());
        email.setText(who == null ? "" : who.email() + " · " + who.accounts().size() + " account" + (who.accounts().size() == 1 ? "" : "s"));
        String r = who == null ? "" : who.roles();
        roles.setText(r.isEmpty() ? "" : "Privileged: " + r + ". Revoking or offboarding asks for extra confirmation.");
        roles.setVisible(!r.isEmpty());
        roles.setManaged(!r.isEmpty());
        accounts.getItems().setAll(who == null ? List.of() : who.accounts());
    }

    static String role(DirectoryUser a) {
        List<String> out = new ArrayList<>();
        if (a.primaryOwner()) out.add("primary owner");
        else if (a.owner()) out.add("owner");
        if (a.admin()) out.add("admin");
        if (a.bot()) out.add("bot");
        return String.join(", ", out);
    }

    private TableColumn<DirectoryUser, String> statusColumn() {
        TableColumn<DirectoryUser, String> col = TableSupport.textColumn("Status", 95, a -> Formats.status(a.status()));
        col.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                DirectoryUser a = empty || getTableRow() == null ? null : getTableRow().getItem();
                pseudoClassStateChanged(INACTIVE, a != null && a.status() != AccountStatus.ENABLED);
            }
        });
        col.getStyleClass().add("status-column");
        return col;
    }

}
