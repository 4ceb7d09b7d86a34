package io.signoff.simulator.scim;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The filters Lucid accepts: one {@code attribute eq value} comparison, the value a quoted JSON string (RFC 7644) or
 * unquoted (as Lucid's documentation writes it). Anything else is an invalidFilter, as it would be there.
 */
final class ScimFilterParser {
    record Filter(String attribute, String value) { }

    static final class InvalidFilter extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidFilter(String message) { super(message); }
    }

    private static final Pattern HEAD = Pattern.compile("^\\s*([A-Za-z][A-Za-z0-9._:-]*)\\s+([A-Za-z]+)(?:\\s+(.*?))?\\s*$", Pattern.DOTALL);
    private static final Set<String> KNOWN_OPERATORS = Set.of("ne", "co", "sw", "ew", "pr", "gt", "ge", "lt", "le");
    /** Attribute names are case-insensitive in SCIM; the map holds the canonical name. */
    private static final Set<String> ATTRIBUTES = Set.of("username", "emails.value", "emails", "email", "externalid", "id");

    private ScimFilterParser() { }

    static Filter parse(String filter) throws InvalidFilter {
        Matcher m = HEAD.matcher(filter);
        if (!m.matches()) throw new InvalidFilter("The filter is not of the form 'attribute eq value'");
        String attribute = m.group(1).toLowerCase(Locale.ROOT);
        String operator = m.group(2).toLowerCase(Locale.ROOT);
        if (!operator.equals("eq")) {
            throw new InvalidFilter(KNOWN_OPERATORS.contains(operator)
                    ? "Only the eq operator is supported, not '" + operator + "'" : "Unknown operator '" + m.group(2) + "'");
        }
        if (!ATTRIBUTES.contains(attribute)) throw new InvalidFilter("Filtering on '" + m.group(1) + "' is not supported");
        String rest = m.group(3);
        if (rest == null || rest.isEmpty()) throw new InvalidFilter("The eq comparison has no value");
        String value = rest.startsWith("\"") ? quoted(rest) : unquoted(rest);
        return new Filter(attribute.equals("emails") ? "emails.value" : attribute, value);
    }

    /** A JSON string literal that must end the filter: anything after it (or, and, a second comparison) is refused. */
    private static String quoted(String rest) throws InvalidFilter {
        StringBuilder value = new StringBuilder();
        int i = 1;
        while (i < rest.length()) {
            char c = rest.charAt(i);
            if (c == '"') {
                if (!rest.substring(i + 1).isBlank()) {
                    throw new InvalidFilter("Unexpected text after the value: only one eq comparison is supported");
                }
                return value.toString();
            }
            if (c == '\\') {
                if (i + 1 >= rest.length()) break;
                char e = rest.charAt(i + 1);
                switch (e) {
                    case '"', '\\', '/' -> value.append(e);
                    case 'b' -> value.append('\b');
                    case 'f' -> value.append('\f');
                    case 'n' -> value.append('\n');
                    case 'r' -> value.append('\r');
                    case 't' -> value.append('\t');
                    case 'u' -> {
                        if (i + 6 > rest.length()) throw new InvalidFilter("Broken \\u escape in the value");
                        try {
                            value.append((char) Integer.parseInt(rest.substring(i + 2, i + 6), 16));
                        } catch (NumberFormatException bad) {
                            throw new InvalidFilter("Broken \\u escape in the value");
                        }
                        i += 4;
                    }
                    default -> throw new InvalidFilter("Unknown escape \\" + e + " in the value");
                }
                i += 2;
                continue;
            }
            value.append(c);
            i++;
        }
        throw new InvalidFilter("The quoted value is not closed");
    }

    private static String unquoted(String rest) throws InvalidFilter {
        if (rest.chars().anyMatch(c -> Character.isWhitespace(c) || c == '"' || c == '(' || c == ')')) {
            throw new InvalidFilter("An unquoted value cannot contain spaces, quotes or parentheses");
        }
        return rest;
    }
}
