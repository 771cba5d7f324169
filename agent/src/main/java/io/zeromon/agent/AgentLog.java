package io.zeromon.agent;

import java.util.Locale;

/**
 * The agent's own log: one line per message on stderr, prefixed {@code [zeromon]}. Quiet by
 * default (warnings and the start-up line); {@code zeromon.log.level=debug} shows more. It does not
 * go through java.util.logging or any framework, so it cannot disturb the application's logging.
 */
public final class AgentLog {

  /** Levels, most severe first. */
  public enum Level {
    OFF,
    ERROR,
    WARN,
    INFO,
    DEBUG
  }

  private static volatile Level level = Level.INFO;

  private AgentLog() {}

  public static void setLevel(Level newLevel) {
    level = newLevel;
  }

  public static boolean isEnabled(Level candidate) {
    return candidate != Level.OFF && candidate.ordinal() <= level.ordinal();
  }

  public static void error(String message) {
    log(Level.ERROR, message);
  }

  public static void warn(String message) {
    log(Level.WARN, message);
  }

  public static void info(String message) {
    log(Level.INFO, message);
  }

  public static void debug(String message) {
    log(Level.DEBUG, message);
  }

  private static void log(Level at, String message) {
    if (isEnabled(at)) {
      System.err.println("[zeromon] " + at.name().toLowerCase(Locale.ROOT) + ": " + message);
    }
  }
}
