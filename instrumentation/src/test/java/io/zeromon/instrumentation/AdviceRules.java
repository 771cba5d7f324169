package io.zeromon.instrumentation;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.bytebuddy.jar.asm.AnnotationVisitor;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.FieldVisitor;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Checks an advice class from its bytes, without loading it: every advice method suppresses
 * Throwable; no fields; no lambdas or other invokedynamic; no references to agent-side types
 * (anything of ours but the bridge, ByteBuddy beyond its annotations, OpenTelemetry).
 */
final class AdviceRules {

  private static final String ENTER = "Lnet/bytebuddy/asm/Advice$OnMethodEnter;";
  private static final String EXIT = "Lnet/bytebuddy/asm/Advice$OnMethodExit;";

  private AdviceRules() {}

  /** Helper classes are defined in the library's loader beside the advice: it may use them. */
  private static final Set<String> HELPERS = helperClasses();

  private static Set<String> helperClasses() {
    Set<String> helpers = new HashSet<>();
    for (InstrumentationModule module : Instrumentations.all()) {
      for (TypeInstrumentation type : module.typeInstrumentations()) {
        for (String name : type.helperClassNames()) {
          helpers.add(name.replace('.', '/'));
        }
      }
    }
    return helpers;
  }

  /** Violations found in {@code className}'s class file, empty if it keeps the rules. */
  static List<String> check(ClassLoader loader, String className) throws IOException {
    List<String> violations = new ArrayList<>();
    try (InputStream in = loader.getResourceAsStream(className.replace('.', '/') + ".class")) {
      new ClassReader(in).accept(new Checker(className, violations), 0);
    }
    return violations;
  }

  /** Whether a class file declares advice methods. */
  static boolean isAdvice(ClassLoader loader, String className) throws IOException {
    return !check(loader, className).contains("no advice methods");
  }

  static boolean forbidden(String internalName) {
    if (internalName == null) {
      return false;
    }
    String name = internalName.replaceAll("^\\[*L?", "");
    if (HELPERS.contains(name.replace(";", ""))) {
      return false; // helper classes are injected beside the library, so advice may name them
    }
    return (name.startsWith("io/zeromon/") && !name.startsWith("io/zeromon/bootstrap/"))
        || (name.startsWith("net/bytebuddy/") && !name.startsWith("net/bytebuddy/asm/Advice"))
        || name.startsWith("io/opentelemetry/");
  }

  private static final class Checker extends ClassVisitor {
    private final String className;
    private final List<String> violations;
    private boolean anyAdvice;

    Checker(String className, List<String> violations) {
      super(Opcodes.ASM9);
      this.className = className;
      this.violations = violations;
    }

    @Override
    public FieldVisitor visitField(int access, String name, String d, String s, Object v) {
      violations.add(className + " declares field " + name);
      return null;
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String desc, String s, String[] e) {
      return new MethodChecker(className + "." + name, desc);
    }

    @Override
    public void visitEnd() {
      if (!anyAdvice) {
        violations.add("no advice methods");
      }
    }

    private final class MethodChecker extends MethodVisitor {
      private final String method;
      private boolean advice;
      private boolean suppressesThrowable;

      MethodChecker(String method, String descriptor) {
        super(Opcodes.ASM9);
        this.method = method;
        for (Type type : Type.getArgumentTypes(descriptor)) {
          reference(type.getDescriptor());
        }
        reference(Type.getReturnType(descriptor).getDescriptor());
      }

      @Override
      public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
        if (!ENTER.equals(descriptor) && !EXIT.equals(descriptor)) {
          return null;
        }
        advice = true;
        anyAdvice = true;
        return new AnnotationVisitor(Opcodes.ASM9) {
          @Override
          public void visit(String name, Object value) {
            if ("suppress".equals(name)
                && value instanceof Type
                && ((Type) value).getInternalName().equals("java/lang/Throwable")) {
              suppressesThrowable = true;
            }
          }
        };
      }

      @Override
      public void visitMethodInsn(int op, String owner, String name, String desc, boolean itf) {
        reference(owner);
      }

      @Override
      public void visitFieldInsn(int op, String owner, String name, String desc) {
        reference(owner);
      }

      @Override
      public void visitTypeInsn(int op, String type) {
        reference(type);
      }

      @Override
      public void visitInvokeDynamicInsn(String name, String desc, Handle bsm, Object... args) {
        violations.add(method + " uses invokedynamic (a lambda or string concatenation)");
      }

      private void reference(String type) {
        if (forbidden(type)) {
          violations.add(method + " references " + type);
        }
      }

      @Override
      public void visitEnd() {
        if (advice && !suppressesThrowable) {
          violations.add(method + " does not suppress Throwable");
        }
      }
    }
  }
}
