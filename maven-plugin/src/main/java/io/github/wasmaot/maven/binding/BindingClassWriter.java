package io.github.wasmaot.maven.binding;

import static org.objectweb.asm.Opcodes.AASTORE;
import static org.objectweb.asm.Opcodes.ACC_FINAL;
import static org.objectweb.asm.Opcodes.ACC_PRIVATE;
import static org.objectweb.asm.Opcodes.ACC_PUBLIC;
import static org.objectweb.asm.Opcodes.ACC_STATIC;
import static org.objectweb.asm.Opcodes.ACC_SUPER;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.ANEWARRAY;
import static org.objectweb.asm.Opcodes.ARETURN;
import static org.objectweb.asm.Opcodes.DLOAD;
import static org.objectweb.asm.Opcodes.DRETURN;
import static org.objectweb.asm.Opcodes.DUP;
import static org.objectweb.asm.Opcodes.FLOAD;
import static org.objectweb.asm.Opcodes.FRETURN;
import static org.objectweb.asm.Opcodes.GETFIELD;
import static org.objectweb.asm.Opcodes.I2L;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INVOKESPECIAL;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.INVOKEVIRTUAL;
import static org.objectweb.asm.Opcodes.IRETURN;
import static org.objectweb.asm.Opcodes.L2I;
import static org.objectweb.asm.Opcodes.LASTORE;
import static org.objectweb.asm.Opcodes.LLOAD;
import static org.objectweb.asm.Opcodes.LRETURN;
import static org.objectweb.asm.Opcodes.NEW;
import static org.objectweb.asm.Opcodes.NEWARRAY;
import static org.objectweb.asm.Opcodes.POP2;
import static org.objectweb.asm.Opcodes.PUTFIELD;
import static org.objectweb.asm.Opcodes.RETURN;
import static org.objectweb.asm.Opcodes.T_LONG;
import static org.objectweb.asm.Opcodes.V17;

import io.github.wasmaot.wasm.model.ValType;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * The bytecode of a binding class:
 *
 * <pre>{@code
 * public final class Hello implements AutoCloseable {
 *     public static final String MODULE = "hello";
 *     public static final String DEFAULT_PROFILE = "wamr-2.4";
 *     private final BoundModule bound;
 *     public static Hello open()                { return open(DEFAULT_PROFILE); }
 *     public static Hello open(String profile)  { return new Hello(BoundModule.open(Hello.class, MODULE, profile,
 *                                                     "add:i32,i32->i32", ...)); }
 *     public int add(int a, int b)              { return (int) bound.call("add", (long) a, (long) b); }
 *     public BoundModule boundModule()          { return bound; }
 *     public void close()                       { bound.close(); }
 * }
 * }</pre>
 *
 * <p>Arguments cross as raw bits ({@code float}s by {@link Float#floatToRawIntBits}); several results come back as
 * a {@code long[]} of raw bits. No frames are needed: the methods have no branches.
 */
final class BindingClassWriter {
    static final String BOUND = "io/github/wasmaot/loader/binding/BoundModule";
    private static final String BOUND_DESC = "L" + BOUND + ";";
    private static final String STRING = "Ljava/lang/String;";

    private BindingClassWriter() {
    }

    static byte[] write(BindingModel m) {
        String self = m.internalName();
        String selfDesc = "L" + self + ";";
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, self, null, "java/lang/Object",
                new String[] {"java/lang/AutoCloseable"});
        cw.visitSource(m.module() + ".wasm", null);
        cw.visitField(ACC_PUBLIC | ACC_STATIC | ACC_FINAL, "MODULE", STRING, null, m.module()).visitEnd();
        cw.visitField(ACC_PUBLIC | ACC_STATIC | ACC_FINAL, "DEFAULT_PROFILE", STRING, null, m.defaultProfile())
                .visitEnd();
        cw.visitField(ACC_PRIVATE | ACC_FINAL, "bound", BOUND_DESC, null, null).visitEnd();

        MethodVisitor init = cw.visitMethod(ACC_PRIVATE, "<init>", "(" + BOUND_DESC + ")V", null, null);
        init.visitCode();
        init.visitVarInsn(ALOAD, 0);
        init.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitVarInsn(ALOAD, 0);
        init.visitVarInsn(ALOAD, 1);
        init.visitFieldInsn(PUTFIELD, self, "bound", BOUND_DESC);
        init.visitInsn(RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();

        MethodVisitor open0 = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, "open", "()" + selfDesc, null, null);
        open0.visitCode();
        open0.visitLdcInsn(m.defaultProfile());
        open0.visitMethodInsn(INVOKESTATIC, self, "open", "(" + STRING + ")" + selfDesc, false);
        open0.visitInsn(ARETURN);
        open0.visitMaxs(0, 0);
        open0.visitEnd();

        MethodVisitor open = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, "open", "(" + STRING + ")" + selfDesc, null,
                null);
        open.visitParameter("profile", 0);
        open.visitCode();
        open.visitTypeInsn(NEW, self);
        open.visitInsn(DUP);
        open.visitLdcInsn(Type.getObjectType(self));
        open.visitLdcInsn(m.module());
        open.visitVarInsn(ALOAD, 0);
        pushInt(open, m.exports().size());
        open.visitTypeInsn(ANEWARRAY, "java/lang/String");
        for (int i = 0; i < m.exports().size(); i++) {
            open.visitInsn(DUP);
            pushInt(open, i);
            open.visitLdcInsn(m.exports().get(i).checked());
            open.visitInsn(AASTORE);
        }
        open.visitMethodInsn(INVOKESTATIC, BOUND, "open", "(Ljava/lang/Class;" + STRING + STRING
                + "[" + STRING + ")" + BOUND_DESC, false);
        open.visitMethodInsn(INVOKESPECIAL, self, "<init>", "(" + BOUND_DESC + ")V", false);
        open.visitInsn(ARETURN);
        open.visitMaxs(0, 0);
        open.visitEnd();

        MethodVisitor getter = cw.visitMethod(ACC_PUBLIC, "boundModule", "()" + BOUND_DESC, null, null);
        getter.visitCode();
        getter.visitVarInsn(ALOAD, 0);
        getter.visitFieldInsn(GETFIELD, self, "bound", BOUND_DESC);
        getter.visitInsn(ARETURN);
        getter.visitMaxs(0, 0);
        getter.visitEnd();

        MethodVisitor close = cw.visitMethod(ACC_PUBLIC, "close", "()V", null, null);
        close.visitCode();
        close.visitVarInsn(ALOAD, 0);
        close.visitFieldInsn(GETFIELD, self, "bound", BOUND_DESC);
        close.visitMethodInsn(INVOKEVIRTUAL, BOUND, "close", "()V", false);
        close.visitInsn(RETURN);
        close.visitMaxs(0, 0);
        close.visitEnd();

        for (BoundExport e : m.exports()) {
            export(cw, self, e);
        }
        cw.visitEnd();
        return cw.toByteArray();
    }

    private static void export(ClassWriter cw, String self, BoundExport e) {
        StringBuilder desc = new StringBuilder("(");
        e.params().forEach(p -> desc.append(javaType(p).getDescriptor()));
        desc.append(')').append(returnType(e).getDescriptor());
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, e.method(), desc.toString(), null, null);
        for (int i = 0; i < e.params().size(); i++) {
            mv.visitParameter("arg" + i, 0);
        }
        mv.visitCode();
        mv.visitVarInsn(ALOAD, 0);
        mv.visitFieldInsn(GETFIELD, self, "bound", BOUND_DESC);
        mv.visitLdcInsn(e.export());
        pushInt(mv, e.params().size());
        mv.visitIntInsn(NEWARRAY, T_LONG);
        int slot = 1;
        for (int i = 0; i < e.params().size(); i++) {
            mv.visitInsn(DUP);
            pushInt(mv, i);
            ValType t = e.params().get(i);
            switch (t) {
                case I32 -> {
                    mv.visitVarInsn(ILOAD, slot);
                    mv.visitInsn(I2L);
                }
                case I64 -> mv.visitVarInsn(LLOAD, slot);
                case F32 -> {
                    mv.visitVarInsn(FLOAD, slot);
                    mv.visitMethodInsn(INVOKESTATIC, "java/lang/Float", "floatToRawIntBits", "(F)I", false);
                    mv.visitInsn(I2L);
                }
                case F64 -> {
                    mv.visitVarInsn(DLOAD, slot);
                    mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "doubleToRawLongBits", "(D)J", false);
                }
                default -> throw new IllegalArgumentException("no Java type for " + t);
            }
            mv.visitInsn(LASTORE);
            slot += javaType(t).getSize();
        }
        if (e.results().size() > 1) {
            mv.visitMethodInsn(INVOKEVIRTUAL, BOUND, "callMulti", "(" + STRING + "[J)[J", false);
            mv.visitInsn(ARETURN);
        } else {
            mv.visitMethodInsn(INVOKEVIRTUAL, BOUND, "call", "(" + STRING + "[J)J", false);
            if (e.results().isEmpty()) {
                mv.visitInsn(POP2);
                mv.visitInsn(RETURN);
            } else {
                switch (e.results().get(0)) {
                    case I32 -> {
                        mv.visitInsn(L2I);
                        mv.visitInsn(IRETURN);
                    }
                    case I64 -> mv.visitInsn(LRETURN);
                    case F32 -> {
                        mv.visitInsn(L2I);
                        mv.visitMethodInsn(INVOKESTATIC, "java/lang/Float", "intBitsToFloat", "(I)F", false);
                        mv.visitInsn(FRETURN);
                    }
                    case F64 -> {
                        mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "longBitsToDouble", "(J)D", false);
                        mv.visitInsn(DRETURN);
                    }
                    default -> throw new IllegalArgumentException("no Java type for " + e.results().get(0));
                }
            }
        }
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    private static Type returnType(BoundExport e) {
        return switch (e.results().size()) {
            case 0 -> Type.VOID_TYPE;
            case 1 -> javaType(e.results().get(0));
            default -> Type.getType("[J");
        };
    }

    private static Type javaType(ValType t) {
        return switch (t) {
            case I32 -> Type.INT_TYPE;
            case I64 -> Type.LONG_TYPE;
            case F32 -> Type.FLOAT_TYPE;
            case F64 -> Type.DOUBLE_TYPE;
            default -> throw new IllegalArgumentException("no Java type for " + t);
        };
    }

    private static void pushInt(MethodVisitor mv, int v) {
        mv.visitLdcInsn(v);
    }
}
