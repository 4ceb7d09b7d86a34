package io.signoff.ui.audit;

import io.signoff.audit.AuditRecord;
import io.signoff.model.AuditEvent;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** Every field of the selected audit row, beside the table. */
final class AuditDetailPane {
    private final GridPane grid = new GridPane();
    private final Label placeholder = new Label("Select a row to see all of its details.");
    private final VBox content = new VBox(8);
    private final ScrollPane node = new ScrollPane(content);

    AuditDetailPane() {
        grid.getStyleClass().add("audit-detail-grid");
        grid.setHgap(10);
        grid.setVgap(4);
        placeholder.getStyleClass().add("muted");
        placeholder.setWrapText(true);
        Label title = new Label("Details");
        title.getStyleClass().add("audit-detail-title");
        content.getChildren().addAll(title, placeholder);
        content.getStyleClass().add("audit-detail");
        node.setId("audit-detail");
        node.setFitToWidth(true);
        node.setMinWidth(240);
        node.setPrefWidth(300);
    }

    Node node() { return node; }

    void show(AuditRecord record) {
        grid.getChildren().clear();
        if (record == null) {
            content.getChildren().setAll(content.getChildren().get(0), placeholder);
            return;
        }
        AuditEvent e = record.event();
        int row = 0;
        row = add(row, "sequence", "Sequence", Long.toString(record.sequence()));
        row = add(row, "time", "Time (UTC)", e.timestamp().toString());
        row = add(row, "operator", "Operator", e.operator());
        row = add(row, "machine", "Machine", e.machine());
        row = add(row, "channel", "Channel", e.channel());
        row = add(row, "connection", "Connection", e.connectionId());
        row = add(row, "provider", "Provider", e.provider() == null ? null : e.provider().displayName());
        row = add(row, "tenant", "Tenant", e.tenant());
        row = add(row, "target-email", "Target", e.targetEmail());
        row = add(row, "target-id", "Target user id", e.targetUserId());
        row = add(row, "action", "Action", e.action());
        row = add(row, "outcome", "Outcome", e.outcome().slug());
        row = add(row, "attempt", "Outcome of attempt",
                record.attemptSequence() == null ? null : "#" + record.attemptSequence());
        row = add(row, "reference", "Reference", e.reference());
        row = add(row, "message", "Message", e.message());
        row = add(row, "run", "Offboarding run", e.runId() == null ? null : e.runId() + " / " + e.stepId());
        row = add(row, "parameters", "Parameters", parameters(e.parameters()));
        row = add(row, "prev-hash", "Previous hash", record.prevHash());
        add(row, "hash", "Hash", record.hash());
        content.getChildren().setAll(content.getChildren().get(0), grid);
    }

    private int add(int row, String id, String name, String value) {
        if (value == null || value.isEmpty()) return row;
        Label key = new Label(name);
        key.getStyleClass().add("audit-detail-key");
        Label val = new Label(value);
        val.setId("audit-detail-" + id);
        val.getStyleClass().add("audit-detail-value");
        val.setWrapText(true);
        grid.addRow(row, key, val);
        return row + 1;
    }

    private static String parameters(Map<String, String> params) {
        if (params.isEmpty()) return null;
        StringBuilder sb = new StringBuilder();
        new java.util.TreeMap<>(params).forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "\n").append(k).append(" = ").append(v));
        return sb.toString();
    }
}
