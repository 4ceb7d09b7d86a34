package io.signoff.model;

import java.util.List;

/**
 * Result of a successful "test connection" call.
 *
 * @param identity    who the credentials are (app id, bot/user name, token id)
 * @param permissions what the provider says the credentials may do, where it says it
 */
public record ConnectionCheck(String identity, List<String> permissions, String detail) {
    public ConnectionCheck {
        permissions = permissions == null ? List.of() : List.copyOf(permissions);
        detail = detail == null ? "" : detail;
    }
}
