package io.signoff.offboarding;

/** What searching one connection (and tenant) for a person found. */
public enum AccountLookup {
    /** The person has an account here; it can be offboarded. */
    FOUND,
    /** The connection answered: no account for this address. */
    NOT_FOUND,
    /** The connection could not be asked (credentials, network, no client): the person may still have an account. */
    UNREACHABLE
}
