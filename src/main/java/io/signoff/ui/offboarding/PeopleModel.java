package io.signoff.ui.offboarding;

import io.signoff.offboarding.EmailImport;
import io.signoff.offboarding.RejectedRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Page 1's state: the people chosen for offboarding (from the search, or many from a CSV file) and what the last CSV
 * import could not use. Plain Java, no FX thread needed.
 */
final class PeopleModel {

    /** One chosen person; {@code source} says where they came from ("search", "CSV line 4"). */
    record Chosen(String email, String displayName, String source) { }

    private final Map<String, Chosen> chosen = new LinkedHashMap<>();
    private EmailImport lastImport;
    private String lastImportName = "";

    List<Chosen> chosen() { return List.copyOf(chosen.values()); }

    List<String> emails() { return List.copyOf(chosen.keySet()); }

    boolean isEmpty() { return chosen.isEmpty(); }

    /** Adds a person found by the search; false when already chosen. */
    boolean add(String email, String displayName, String source) {
        Objects.requireNonNull(email, "email");
        String key = email.strip().toLowerCase(Locale.ROOT);
        if (key.isEmpty() || chosen.containsKey(key)) return false;
        chosen.put(key, new Chosen(key, displayName == null || displayName.isBlank() ? key : displayName.strip(), source));
        return true;
    }

    void remove(String email) {
        chosen.remove(email.strip().toLowerCase(Locale.ROOT));
    }

    void clear() {
        chosen.clear();
        lastImport = null;
        lastImportName = "";
    }

    /**
     * Adds every address of a CSV import. Addresses already chosen are not added twice and are reported among the
     * rows not used, so the count of rows read always adds up.
     *
     * @return the rows not used, in file order, each with its reason
     */
    List<RejectedRow> addImport(String fileName, EmailImport imported) {
        Objects.requireNonNull(imported, "imported");
        lastImportName = fileName == null ? "" : fileName;
        List<RejectedRow> notUsed = new ArrayList<>(imported.rejected());
        for (String email : imported.emails()) {
            if (!add(email, email, "CSV " + lastImportName)) {
                notUsed.add(new RejectedRow(0, email, "already in the list"));
            }
        }
        lastImport = new EmailImport(imported.emails(), notUsed, imported.headerRow(), imported.blankRows());
        return notUsed;
    }

    /** One line per row not used: "Line 4: "jane@" — not an email address". Empty when the last import used every row. */
    List<String> rejectedLines() {
        if (lastImport == null) return List.of();
        List<String> out = new ArrayList<>();
        for (RejectedRow row : lastImport.rejected()) {
            String where = row.line() > 0 ? "Line " + row.line() + ": " : "";
            out.add(where + "\"" + row.text() + "\" — " + row.reason());
        }
        return out;
    }

    /** A sentence on the last import, counting every row, or "" when nothing was imported. */
    String importSummary() {
        if (lastImport == null) return "";
        int used = lastImport.emails().size();
        int notUsed = lastImport.rejected().size();
        StringBuilder s = new StringBuilder();
        s.append(lastImportName.isEmpty() ? "CSV" : lastImportName).append(": ")
                .append(used).append(used == 1 ? " address" : " addresses").append(" read");
        if (notUsed > 0) {
            s.append(", ").append(notUsed).append(notUsed == 1 ? " row" : " rows").append(" not used (listed below)");
        }
        if (lastImport.headerRow()) s.append("; the header row was skipped");
        if (lastImport.blankRows() > 0) {
            s.append("; ").append(lastImport.blankRows()).append(lastImport.blankRows() == 1 ? " blank row" : " blank rows")
                    .append(" ignored");
        }
        return s.append('.').toString();
    }

    boolean hasRejectedRows() { return lastImport != null && !lastImport.rejected().isEmpty(); }

    /** "Jane Doe (jane.doe@contoso.com)" or "3 people: a, b, c" for confirmations and titles. */
    String describe() {
        return describe(chosen().stream().map(c -> c.displayName().equalsIgnoreCase(c.email()) ? c.email()
                : c.displayName() + " (" + c.email() + ")").toList());
    }

    static String describe(List<String> names) {
        if (names.isEmpty()) return "nobody";
        if (names.size() == 1) return names.get(0);
        int shown = Math.min(names.size(), 5);
        String list = String.join(", ", names.subList(0, shown));
        return names.size() + " people: " + list + (names.size() > shown ? " and " + (names.size() - shown) + " more" : "");
    }
}
