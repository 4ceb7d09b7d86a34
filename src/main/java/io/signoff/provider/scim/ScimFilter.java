package io.signoff.provider.scim;

/**
 * Builds SCIM filter expressions from user input. RFC 7644 string values are JSON strings inside double quotes, so a
 * value with a quote or backslash in it must be escaped, or it would end the string and inject filter syntax
 * ({@code " or userName pr or "} would match every user).
 */
public final class ScimFilter {
    private ScimFilter() { }

    /** {@code attribute eq "value"} with the value escaped. */
    public static String eq(String attribute, String value) {
        return attribute + " eq " + quote(value);
    }

    /** The value as a SCIM (JSON) string literal. Control characters are escaped as \\uXXXX. */
    public static String quote(String value) {
        StringBuilder b = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
