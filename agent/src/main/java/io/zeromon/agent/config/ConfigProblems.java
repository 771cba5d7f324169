package io.zeromon.agent.config;

import io.zeromon.agent.AgentLog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects bad settings, each reported once as one warning naming value and what is accepted. */
public final class ConfigProblems {

  private final List<String> messages = new ArrayList<>();

  /** Reports that {@code key} had {@code value}, which is not {@code accepted}; says what happens. */
  public void report(String key, String value, String accepted, String consequence) {
    String message =
        "bad setting " + key + "='" + value + "': accepted is " + accepted + "; " + consequence;
    messages.add(message);
    AgentLog.warn(message);
  }

  /** Every message reported so far. */
  public List<String> messages() {
    return Collections.unmodifiableList(messages);
  }
}
