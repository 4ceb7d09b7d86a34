package io.signoff.controller;

import io.signoff.model.Connection;
import io.signoff.model.DirectoryUser;

/** Something no API can do, which the operator must do by hand (Lucid: "Log out user" in the admin panel). */
public record ManualStep(DirectoryUser account, Connection connection, String instruction) { }
