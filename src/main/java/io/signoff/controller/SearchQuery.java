package io.signoff.controller;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the operator typed in the search box: one or more email addresses (a pasted list separated by newlines, commas
 * or semicolons, Outlook's {@code "Jane Doe <jane@x.com>"} form included), or a name fragment.
 *
 * @param emails  valid addresses, lower-cased and without duplicates, in the order given
 * @param invalid entries that looked like addresses but are not, as typed
 */
public record SearchQuery(String text, Mode mode, List<String> emails, String nameFragment, List<String> invalid) {

    public enum Mode { EMAILS, NAME, EMPTY }

    /** Shortest name fragment worth sending: one letter would match half a directory. */
    public static final int MIN_FRAGMENT = 2;

    private static final Pattern SEPARATORS = Pattern.compile("[\\r\\n,;]+");
    private static final Pattern ANGLE_ADDRESS = Pattern.compile("^.*<([^<>]+)>\\s*$");
    private static final Pattern LABEL = Pattern.compile("[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?");
    private static final Pattern LOCAL_PART = Pattern.compile("[^\\s@<>()\\[\\]\\\\\",;:]+");

    public SearchQuery {
        text = text == null ? "" : text;
        emails = List.copyOf(emails);
        nameFragment = nameFragment == null ? "" : nameFragment;
        invalid = List.copyOf(invalid);
    }

    public static SearchQuery parse(String input) {
        String text = input == null ? "" : input.strip();
        if (text.isEmpty()) {
            return new SearchQuery(text, Mode.EMPTY, List.of(), "", List.of());
        }
        if (text.indexOf('@') < 0) {
            // A name fragment: keep it whole ("Doe, Jane" is one fragment, not two).
            return new SearchQuery(text, Mode.NAME, List.of(), text, List.of());
        }
        Set<String> valid = new LinkedHashSet<>();
        List<String> bad = new ArrayList<>();
        for (String token : SEPARATORS.split(text)) {
            String entry = token.strip();
            if (entry.isEmpty()) continue;
            Matcher angle = ANGLE_ADDRESS.matcher(entry);
            String address = angle.matches() ? angle.group(1).strip() : entry;
            if (isEmail(address)) {
                valid.add(address.toLowerCase(Locale.ROOT));
            } else {
                bad.add(entry);
            }
        }
        return new SearchQuery(text, Mode.EMAILS, List.copyOf(valid), "", bad);
    }

    /** A pragmatic check: one {@code @}, a plain local part, a domain of at least two labels. */
    public static boolean isEmail(String address) {
        int at = address.indexOf('@');
        if (at <= 0 || at != address.lastIndexOf('@') || at == address.length() - 1 || address.length() > 254) {
            return false;
        }
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        if (local.length() > 64 || !LOCAL_PART.matcher(local).matches()
                || local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            return false;
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) return false;
        for (String label : labels) {
            if (label.length() > 63 || !LABEL.matcher(label).matches()) return false;
        }
        return true;
    }

    /** The terms sent to providers: each address, or the single fragment. */
    public List<String> terms() {
        return switch (mode) {
            case EMAILS -> emails;
            case NAME -> nameFragment.length() >= MIN_FRAGMENT ? List.of(nameFragment) : List.of();
            case EMPTY -> List.of();
        };
    }

    public boolean searchable() { return !terms().isEmpty(); }

    /** What is wrong with the input, for the operator, or an empty string when nothing is. */
    public String problem() {
        if (mode == Mode.EMPTY) return "Type an email address, a name, or paste a list of addresses.";
        if (mode == Mode.NAME && nameFragment.length() < MIN_FRAGMENT) {
            return "Type at least " + MIN_FRAGMENT + " characters of a name.";
        }
        if (invalid.isEmpty()) return "";
        String listed = String.join(", ", invalid.stream().limit(5).map(s -> "\"" + s + "\"").toList());
        String more = invalid.size() > 5 ? " and " + (invalid.size() - 5) + " more" : "";
        return (invalid.size() == 1 ? "Not an email address: " : invalid.size() + " entries are not email addresses: ")
                + listed + more + (emails.isEmpty() ? "" : ". Searching the " + emails.size() + " valid one"
                + (emails.size() == 1 ? "" : "s") + ".");
    }
}
