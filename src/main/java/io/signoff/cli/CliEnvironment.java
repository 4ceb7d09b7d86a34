package io.signoff.cli;

import java.nio.file.Path;

/**
 * What a command asked for on its command line that decides which services it gets.
 *
 * @param demo      run against the built-in simulator instead of the configured connections
 * @param configDir settings directory, or null for the OS default
 * @param dataDir   audit and journal directory, or null for the OS default
 */
public record CliEnvironment(boolean demo, Path configDir, Path dataDir) { }
