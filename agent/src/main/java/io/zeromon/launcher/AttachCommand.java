package io.zeromon.launcher;

import com.sun.tools.attach.VirtualMachine;
import java.io.File;

/** {@code java -jar zeromon-agent.jar attach <pid> [key=value,...]}: loads the agent into a JVM. */
final class AttachCommand {

  private AttachCommand() {}

  static int run(String[] args, File agentJar) {
    if (args.length < 2 || !"attach".equals(args[0])) {
      System.err.println("usage: java -jar zeromon-agent.jar attach <pid> [key=value,key=value...]");
      System.err.println("  the settings are otel.*/zeromon.* properties for the target JVM");
      return 2;
    }
    String options = args.length > 2 ? args[2] : null;
    try {
      VirtualMachine vm = VirtualMachine.attach(args[1]);
      try {
        vm.loadAgent(agentJar.getAbsolutePath(), options);
      } finally {
        vm.detach();
      }
      System.out.println("[zeromon] agent loaded into JVM " + args[1]);
      return 0;
    } catch (Exception e) {
      System.err.println("[zeromon] could not attach to JVM " + args[1] + ": " + e);
      return 1;
    }
  }
}
