package io.zeromon.agent.install;

import java.lang.instrument.Instrumentation;
import java.util.Collections;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.utility.JavaModule;

/**
 * Lets a named module whose class we transformed (java.base, jdk.httpserver, java.net.http, or an
 * application module) read the bridge's module, so that the inlined advice can call the bridge.
 */
final class ModuleReadEdges extends AgentBuilder.Listener.Adapter {

  private final Instrumentation inst;
  private final Module bridgeModule;

  ModuleReadEdges(Instrumentation inst, Module bridgeModule) {
    this.inst = inst;
    this.bridgeModule = bridgeModule;
  }

  @Override
  public void onTransformation(
      TypeDescription type,
      ClassLoader loader,
      JavaModule module,
      boolean loaded,
      DynamicType dynamicType) {
    if (module == null || !module.isNamed()) {
      return;
    }
    Module target = (Module) module.unwrap();
    if (!target.canRead(bridgeModule)) {
      inst.redefineModule(
          target,
          Collections.singleton(bridgeModule),
          Collections.emptyMap(),
          Collections.emptyMap(),
          Collections.emptySet(),
          Collections.emptyMap());
    }
  }
}
