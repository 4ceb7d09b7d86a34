package io.signoff.audit;

/** The last link of the hash chain: sequence 0 and the genesis hash for an empty trail. */
public record ChainHead(long sequence, String hash) { }
