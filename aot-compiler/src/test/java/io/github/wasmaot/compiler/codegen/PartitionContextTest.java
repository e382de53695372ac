package io.github.wasmaot.compiler.codegen;

import static org.bytedeco.llvm.global.LLVM.*;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wasmaot.compiler.CompileException;
import io.github.wasmaot.compiler.llvm.LlvmNatives;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bytedeco.llvm.LLVM.LLVMContextRef;
import org.bytedeco.llvm.LLVM.LLVMModuleRef;
import org.bytedeco.llvm.LLVM.LLVMTypeRef;
import org.bytedeco.llvm.LLVM.LLVMValueRef;
import org.junit.jupiter.api.Test;

/**
 * Every partition's IR must live in the partition's own LLVM context: anything made in LLVM's global context is
 * shared by the partitions compiling on other threads (the CPython crash in {@code LLVMDisposeModule} came from
 * three {@code LLVMAppendBasicBlock} calls in call_indirect).
 */
class PartitionContextTest {
    /** C API calls that use LLVM's process-wide context instead of one passed in. */
    private static final Pattern GLOBAL_CONTEXT_CALL = Pattern.compile("\\bLLVM(GetGlobalContext|AppendBasicBlock"
            + "|InsertBasicBlock|CreateBuilder|ModuleCreateWithName|Int(1|8|16|32|64|128)?Type|IntType|HalfType"
            + "|BFloatType|FloatType|DoubleType|X86FP80Type|FP128Type|PPCFP128Type|VoidType|LabelType|StructType"
            + "|ConstString|ConstStruct|MDString|MDNode|GetMDKindID|ParseBitcode2?|GetBitcodeModule2?)\\s*\\(");

    @Test
    void aBlockInTheGlobalContextIsRejected() {
        LlvmNatives.ensureInitialized();
        LLVMContextRef ctx = LLVMContextCreate();
        LLVMModuleRef module = LLVMModuleCreateWithNameInContext("m", ctx);
        try {
            LLVMTypeRef type = LLVMFunctionType(LLVMVoidTypeInContext(ctx), (LLVMTypeRef) null, 0, 0);
            LLVMValueRef fn = LLVMAddFunction(module, "aot_func#0", type);
            LLVMAppendBasicBlockInContext(ctx, fn, "entry");
            assertDoesNotThrow(() -> ModuleTranslator.checkOwnContext(module, ctx));
            LLVMAppendBasicBlock(fn, "global");
            CompileException e = assertThrows(CompileException.class,
                    () -> ModuleTranslator.checkOwnContext(module, ctx));
            assertTrue(e.getMessage().contains("aot_func#0"), e.getMessage());
        } finally {
            LLVMDisposeModule(module);
            LLVMContextDispose(ctx);
        }
    }

    @Test
    void theCompilerNeverCallsTheGlobalContextApi() throws IOException {
        Path root = Path.of("src/main/java");
        StringBuilder found = new StringBuilder();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = GLOBAL_CONTEXT_CALL.matcher(lines.get(i));
                if (m.find()) {
                    found.append(root.relativize(file)).append(':').append(i + 1).append(": ").append(m.group())
                            .append('\n');
                }
            }
        }
        assertTrue(files.size() > 10, "no sources under " + root.toAbsolutePath());
        assertTrue(found.isEmpty(), "global-context LLVM calls (use the ...InContext form):\n" + found);
    }
}
