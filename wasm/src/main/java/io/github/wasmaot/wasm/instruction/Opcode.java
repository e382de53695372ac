package io.github.wasmaot.wasm.instruction;

import static io.github.wasmaot.wasm.model.ValType.F32;
import static io.github.wasmaot.wasm.model.ValType.F64;
import static io.github.wasmaot.wasm.model.ValType.I32;
import static io.github.wasmaot.wasm.model.ValType.I64;

import io.github.wasmaot.wasm.model.FuncType;
import io.github.wasmaot.wasm.model.ValType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every instruction this front end decodes: MVP, sign-extension, non-trapping float-to-int,
 * bulk memory and reference types. {@code prefix} is 0 for single-byte opcodes or 0xfc.
 * Instructions with a fixed operand signature carry it ({@link #signature()}, else null);
 * memory accesses carry the log2 of their access width ({@link #naturalAlignment()}, else -1).
 */
public enum Opcode {
    UNREACHABLE("unreachable", 0x00, 0x00, ImmediateKind.NONE, Category.CONTROL, null, -1),
    NOP("nop", 0x00, 0x01, ImmediateKind.NONE, Category.CONTROL, null, -1),
    BLOCK("block", 0x00, 0x02, ImmediateKind.BLOCK_TYPE, Category.CONTROL, null, -1),
    LOOP("loop", 0x00, 0x03, ImmediateKind.BLOCK_TYPE, Category.CONTROL, null, -1),
    IF("if", 0x00, 0x04, ImmediateKind.BLOCK_TYPE, Category.CONTROL, null, -1),
    ELSE("else", 0x00, 0x05, ImmediateKind.NONE, Category.CONTROL, null, -1),
    END("end", 0x00, 0x0b, ImmediateKind.NONE, Category.CONTROL, null, -1),
    BR("br", 0x00, 0x0c, ImmediateKind.INDEX, Category.CONTROL, null, -1),
    BR_IF("br_if", 0x00, 0x0d, ImmediateKind.INDEX, Category.CONTROL, null, -1),
    BR_TABLE("br_table", 0x00, 0x0e, ImmediateKind.BR_TABLE, Category.CONTROL, null, -1),
    RETURN("return", 0x00, 0x0f, ImmediateKind.NONE, Category.CONTROL, null, -1),
    CALL("call", 0x00, 0x10, ImmediateKind.INDEX, Category.CONTROL, null, -1),
    CALL_INDIRECT("call_indirect", 0x00, 0x11, ImmediateKind.INDEX_PAIR, Category.CONTROL, null, -1),
    DROP("drop", 0x00, 0x1a, ImmediateKind.NONE, Category.PARAMETRIC, null, -1),
    SELECT("select", 0x00, 0x1b, ImmediateKind.NONE, Category.PARAMETRIC, null, -1),
    SELECT_TYPED("select", 0x00, 0x1c, ImmediateKind.VALUE_TYPES, Category.PARAMETRIC, null, -1),
    LOCAL_GET("local.get", 0x00, 0x20, ImmediateKind.INDEX, Category.VARIABLE, null, -1),
    LOCAL_SET("local.set", 0x00, 0x21, ImmediateKind.INDEX, Category.VARIABLE, null, -1),
    LOCAL_TEE("local.tee", 0x00, 0x22, ImmediateKind.INDEX, Category.VARIABLE, null, -1),
    GLOBAL_GET("global.get", 0x00, 0x23, ImmediateKind.INDEX, Category.VARIABLE, null, -1),
    GLOBAL_SET("global.set", 0x00, 0x24, ImmediateKind.INDEX, Category.VARIABLE, null, -1),
    TABLE_GET("table.get", 0x00, 0x25, ImmediateKind.INDEX, Category.TABLE, null, -1),
    TABLE_SET("table.set", 0x00, 0x26, ImmediateKind.INDEX, Category.TABLE, null, -1),
    I32_LOAD("i32.load", 0x00, 0x28, ImmediateKind.MEMARG, Category.MEMORY, sig(List.of(I32), List.of(I32)), 2),
    I64_LOAD("i64.load", 0x00, 0x29, ImmediateKind.MEMARG, Category.MEMORY, sig(List.of(I32), List.of(I64)), 3),
    F32_LOAD("f32.load", 0x00, 0x2a, ImmediateKind.MEMARG, Category.MEMORY, sig(List.of(I32), List.of(F32)), 2),
    F64_LOAD("f64.load", 0x00, 0x2b, ImmediateKind.MEMARG, Category.MEMORY, sig(List.of(I32), List.of(F64)), 3),
    I32_LOAD8_S("i32.load8_s", 0x00, 0x2c, ImmediateKind.MEMARG, Category.MEMORY, sig(List.of(I32), List.of(I32)), 0),
    I32_LOAD8_U("i32.load8_u", 0x00, 0x2d, ImmediateKind.MEMARG, Category.MEMORY, sig(List.of(I32), List.of(I32)), 0),
    I32_LOAD16_S("i32.load16_s", 0x00, 0x2e, ImmediateKind.MEMARG, Category.MEMORY, sig(List.of(I32), List.of(I32)), 1),
    I32_LOAD16_U("i32.load16_u", 0x00, 0x2f, ImmediateKind.MEMARG, Category.MEMORY, sig(List.of(I32), List.of(I32)), 1),
    I64_LOAD8_S("i64.load8_s", 0x00, 0x30, ImmediateKind.MEMARG, Category.MEMORY, sig(List.of(I32), List.of(I64)), 0),
    I64_LOAD8_U("i64.load8_u", 0x00, 0x31, ImmediateKind.MEMARG, Category.MEMORY, sig(List.of(I32), List.of(I64)), 0),
    I64_LOAD16_S("i64.load16_s", 0x00, 0x32, ImmediateKind.MEMARG, Category.MEMORY, sig(List.of(I32), List.of(I64)), 1),
    I64_LOAD16_U("i64.load16_u", 0x00, 0x33, ImmediateKind.MEMARG, Category.MEMORY, sig(List.of(I32), List.of(I64)), 1),
    I64_LOAD32_S("i64.load32_s", 0x00, 0x34, ImmediateKind.MEMARG, Category.MEMORY, sig(List.of(I32), List.of(I64)), 2),
    I64_LOAD32_U("i64.load32_u", 0x00, 0x35, ImmediateKind.MEMARG, Category.MEMORY, sig(List.of(I32), List.of(I64)), 2),
    I32_STORE("i32.store", 0x00, 0x36, ImmediateKind.MEMARG, Category.MEMORY, sig(List.of(I32, I32), List.of()), 2),
    I64_STORE("i64.store", 0x00, 0x37, ImmediateKind.MEMARG, Category.MEMORY, sig(List.of(I32, I64), List.of()), 3),
    F32_STORE("f32.store", 0x00, 0x38, ImmediateKind.MEMARG, Category.MEMORY, sig(List.of(I32, F32), List.of()), 2),
    F64_STORE("f64.store", 0x00, 0x39, ImmediateKind.MEMARG, Category.MEMORY, sig(List.of(I32, F64), List.of()), 3),
    I32_STORE8("i32.store8", 0x00, 0x3a, ImmediateKind.MEMARG, Category.MEMORY, sig(List.of(I32, I32), List.of()), 0),
    I32_STORE16("i32.store16", 0x00, 0x3b, ImmediateKind.MEMARG, Category.MEMORY, sig(List.of(I32, I32), List.of()), 1),
    I64_STORE8("i64.store8", 0x00, 0x3c, ImmediateKind.MEMARG, Category.MEMORY, sig(List.of(I32, I64), List.of()), 0),
    I64_STORE16("i64.store16", 0x00, 0x3d, ImmediateKind.MEMARG, Category.MEMORY, sig(List.of(I32, I64), List.of()), 1),
    I64_STORE32("i64.store32", 0x00, 0x3e, ImmediateKind.MEMARG, Category.MEMORY, sig(List.of(I32, I64), List.of()), 2),
    MEMORY_SIZE("memory.size", 0x00, 0x3f, ImmediateKind.MEMORY_INDEX, Category.MEMORY, sig(List.of(), List.of(I32)), -1),
    MEMORY_GROW("memory.grow", 0x00, 0x40, ImmediateKind.MEMORY_INDEX, Category.MEMORY, sig(List.of(I32), List.of(I32)), -1),
    I32_CONST("i32.const", 0x00, 0x41, ImmediateKind.I32, Category.NUMERIC, sig(List.of(), List.of(I32)), -1),
    I64_CONST("i64.const", 0x00, 0x42, ImmediateKind.I64, Category.NUMERIC, sig(List.of(), List.of(I64)), -1),
    F32_CONST("f32.const", 0x00, 0x43, ImmediateKind.F32, Category.NUMERIC, sig(List.of(), List.of(F32)), -1),
    F64_CONST("f64.const", 0x00, 0x44, ImmediateKind.F64, Category.NUMERIC, sig(List.of(), List.of(F64)), -1),
    I32_EQZ("i32.eqz", 0x00, 0x45, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I32), List.of(I32)), -1),
    I32_EQ("i32.eq", 0x00, 0x46, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I32, I32), List.of(I32)), -1),
    I32_NE("i32.ne", 0x00, 0x47, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I32, I32), List.of(I32)), -1),
    I32_LT_S("i32.lt_s", 0x00, 0x48, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I32, I32), List.of(I32)), -1),
    I32_LT_U("i32.lt_u", 0x00, 0x49, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I32, I32), List.of(I32)), -1),
    I32_GT_S("i32.gt_s", 0x00, 0x4a, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I32, I32), List.of(I32)), -1),
    I32_GT_U("i32.gt_u", 0x00, 0x4b, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I32, I32), List.of(I32)), -1),
    I32_LE_S("i32.le_s", 0x00, 0x4c, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I32, I32), List.of(I32)), -1),
    I32_LE_U("i32.le_u", 0x00, 0x4d, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I32, I32), List.of(I32)), -1),
    I32_GE_S("i32.ge_s", 0x00, 0x4e, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I32, I32), List.of(I32)), -1),
    I32_GE_U("i32.ge_u", 0x00, 0x4f, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I32, I32), List.of(I32)), -1),
    I64_EQZ("i64.eqz", 0x00, 0x50, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I64), List.of(I32)), -1),
    I64_EQ("i64.eq", 0x00, 0x51, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I64, I64), List.of(I32)), -1),
    I64_NE("i64.ne", 0x00, 0x52, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I64, I64), List.of(I32)), -1),
    I64_LT_S("i64.lt_s", 0x00, 0x53, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I64, I64), List.of(I32)), -1),
    I64_LT_U("i64.lt_u", 0x00, 0x54, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I64, I64), List.of(I32)), -1),
    I64_GT_S("i64.gt_s", 0x00, 0x55, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I64, I64), List.of(I32)), -1),
    I64_GT_U("i64.gt_u", 0x00, 0x56, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I64, I64), List.of(I32)), -1),
    I64_LE_S("i64.le_s", 0x00, 0x57, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I64, I64), List.of(I32)), -1),
    I64_LE_U("i64.le_u", 0x00, 0x58, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I64, I64), List.of(I32)), -1),
    I64_GE_S("i64.ge_s", 0x00, 0x59, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I64, I64), List.of(I32)), -1),
    I64_GE_U("i64.ge_u", 0x00, 0x5a, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I64, I64), List.of(I32)), -1),
    F32_EQ("f32.eq", 0x00, 0x5b, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(F32, F32), List.of(I32)), -1),
    F32_NE("f32.ne", 0x00, 0x5c, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(F32, F32), List.of(I32)), -1),
    F32_LT("f32.lt", 0x00, 0x5d, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(F32, F32), List.of(I32)), -1),
    F32_GT("f32.gt", 0x00, 0x5e, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(F32, F32), List.of(I32)), -1),
    F32_LE("f32.le", 0x00, 0x5f, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(F32, F32), List.of(I32)), -1),
    F32_GE("f32.ge", 0x00, 0x60, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(F32, F32), List.of(I32)), -1),
    F64_EQ("f64.eq", 0x00, 0x61, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(F64, F64), List.of(I32)), -1),
    F64_NE("f64.ne", 0x00, 0x62, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(F64, F64), List.of(I32)), -1),
    F64_LT("f64.lt", 0x00, 0x63, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(F64, F64), List.of(I32)), -1),
    F64_GT("f64.gt", 0x00, 0x64, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(F64, F64), List.of(I32)), -1),
    F64_LE("f64.le", 0x00, 0x65, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(F64, F64), List.of(I32)), -1),
    F64_GE("f64.ge", 0x00, 0x66, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(F64, F64), List.of(I32)), -1),
    I32_CLZ("i32.clz", 0x00, 0x67, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I32), List.of(I32)), -1),
    I32_CTZ("i32.ctz", 0x00, 0x68, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I32), List.of(I32)), -1),
    I32_POPCNT("i32.popcnt", 0x00, 0x69, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I32), List.of(I32)), -1),
    I32_ADD("i32.add", 0x00, 0x6a, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I32, I32), List.of(I32)), -1),
    I32_SUB("i32.sub", 0x00, 0x6b, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I32, I32), List.of(I32)), -1),
    I32_MUL("i32.mul", 0x00, 0x6c, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I32, I32), List.of(I32)), -1),
    I32_DIV_S("i32.div_s", 0x00, 0x6d, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I32, I32), List.of(I32)), -1),
    I32_DIV_U("i32.div_u", 0x00, 0x6e, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I32, I32), List.of(I32)), -1),
    I32_REM_S("i32.rem_s", 0x00, 0x6f, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I32, I32), List.of(I32)), -1),
    I32_REM_U("i32.rem_u", 0x00, 0x70, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I32, I32), List.of(I32)), -1),
    I32_AND("i32.and", 0x00, 0x71, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I32, I32), List.of(I32)), -1),
    I32_OR("i32.or", 0x00, 0x72, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I32, I32), List.of(I32)), -1),
    I32_XOR("i32.xor", 0x00, 0x73, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I32, I32), List.of(I32)), -1),
    I32_SHL("i32.shl", 0x00, 0x74, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I32, I32), List.of(I32)), -1),
    I32_SHR_S("i32.shr_s", 0x00, 0x75, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I32, I32), List.of(I32)), -1),
    I32_SHR_U("i32.shr_u", 0x00, 0x76, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I32, I32), List.of(I32)), -1),
    I32_ROTL("i32.rotl", 0x00, 0x77, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I32, I32), List.of(I32)), -1),
    I32_ROTR("i32.rotr", 0x00, 0x78, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I32, I32), List.of(I32)), -1),
    I64_CLZ("i64.clz", 0x00, 0x79, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I64), List.of(I64)), -1),
    I64_CTZ("i64.ctz", 0x00, 0x7a, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I64), List.of(I64)), -1),
    I64_POPCNT("i64.popcnt", 0x00, 0x7b, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I64), List.of(I64)), -1),
    I64_ADD("i64.add", 0x00, 0x7c, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I64, I64), List.of(I64)), -1),
    I64_SUB("i64.sub", 0x00, 0x7d, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I64, I64), List.of(I64)), -1),
    I64_MUL("i64.mul", 0x00, 0x7e, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I64, I64), List.of(I64)), -1),
    I64_DIV_S("i64.div_s", 0x00, 0x7f, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I64, I64), List.of(I64)), -1),
    I64_DIV_U("i64.div_u", 0x00, 0x80, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I64, I64), List.of(I64)), -1),
    I64_REM_S("i64.rem_s", 0x00, 0x81, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I64, I64), List.of(I64)), -1),
    I64_REM_U("i64.rem_u", 0x00, 0x82, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I64, I64), List.of(I64)), -1),
    I64_AND("i64.and", 0x00, 0x83, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I64, I64), List.of(I64)), -1),
    I64_OR("i64.or", 0x00, 0x84, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I64, I64), List.of(I64)), -1),
    I64_XOR("i64.xor", 0x00, 0x85, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I64, I64), List.of(I64)), -1),
    I64_SHL("i64.shl", 0x00, 0x86, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I64, I64), List.of(I64)), -1),
    I64_SHR_S("i64.shr_s", 0x00, 0x87, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I64, I64), List.of(I64)), -1),
    I64_SHR_U("i64.shr_u", 0x00, 0x88, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I64, I64), List.of(I64)), -1),
    I64_ROTL("i64.rotl", 0x00, 0x89, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I64, I64), List.of(I64)), -1),
    I64_ROTR("i64.rotr", 0x00, 0x8a, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I64, I64), List.of(I64)), -1),
    F32_ABS("f32.abs", 0x00, 0x8b, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(F32), List.of(F32)), -1),
    F32_NEG("f32.neg", 0x00, 0x8c, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(F32), List.of(F32)), -1),
    F32_CEIL("f32.ceil", 0x00, 0x8d, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(F32), List.of(F32)), -1),
    F32_FLOOR("f32.floor", 0x00, 0x8e, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(F32), List.of(F32)), -1),
    F32_TRUNC("f32.trunc", 0x00, 0x8f, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(F32), List.of(F32)), -1),
    F32_NEAREST("f32.nearest", 0x00, 0x90, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(F32), List.of(F32)), -1),
    F32_SQRT("f32.sqrt", 0x00, 0x91, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(F32), List.of(F32)), -1),
    F32_ADD("f32.add", 0x00, 0x92, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(F32, F32), List.of(F32)), -1),
    F32_SUB("f32.sub", 0x00, 0x93, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(F32, F32), List.of(F32)), -1),
    F32_MUL("f32.mul", 0x00, 0x94, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(F32, F32), List.of(F32)), -1),
    F32_DIV("f32.div", 0x00, 0x95, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(F32, F32), List.of(F32)), -1),
    F32_MIN("f32.min", 0x00, 0x96, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(F32, F32), List.of(F32)), -1),
    F32_MAX("f32.max", 0x00, 0x97, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(F32, F32), List.of(F32)), -1),
    F32_COPYSIGN("f32.copysign", 0x00, 0x98, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(F32, F32), List.of(F32)), -1),
    F64_ABS("f64.abs", 0x00, 0x99, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(F64), List.of(F64)), -1),
    F64_NEG("f64.neg", 0x00, 0x9a, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(F64), List.of(F64)), -1),
    F64_CEIL("f64.ceil", 0x00, 0x9b, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(F64), List.of(F64)), -1),
    F64_FLOOR("f64.floor", 0x00, 0x9c, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(F64), List.of(F64)), -1),
    F64_TRUNC("f64.trunc", 0x00, 0x9d, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(F64), List.of(F64)), -1),
    F64_NEAREST("f64.nearest", 0x00, 0x9e, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(F64), List.of(F64)), -1),
    F64_SQRT("f64.sqrt", 0x00, 0x9f, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(F64), List.of(F64)), -1),
    F64_ADD("f64.add", 0x00, 0xa0, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(F64, F64), List.of(F64)), -1),
    F64_SUB("f64.sub", 0x00, 0xa1, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(F64, F64), List.of(F64)), -1),
    F64_MUL("f64.mul", 0x00, 0xa2, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(F64, F64), List.of(F64)), -1),
    F64_DIV("f64.div", 0x00, 0xa3, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(F64, F64), List.of(F64)), -1),
    F64_MIN("f64.min", 0x00, 0xa4, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(F64, F64), List.of(F64)), -1),
    F64_MAX("f64.max", 0x00, 0xa5, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(F64, F64), List.of(F64)), -1),
    F64_COPYSIGN("f64.copysign", 0x00, 0xa6, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(F64, F64), List.of(F64)), -1),
    I32_WRAP_I64("i32.wrap_i64", 0x00, 0xa7, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I64), List.of(I32)), -1),
    I32_TRUNC_F32_S("i32.trunc_f32_s", 0x00, 0xa8, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(F32), List.of(I32)), -1),
    I32_TRUNC_F32_U("i32.trunc_f32_u", 0x00, 0xa9, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(F32), List.of(I32)), -1),
    I32_TRUNC_F64_S("i32.trunc_f64_s", 0x00, 0xaa, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(F64), List.of(I32)), -1),
    I32_TRUNC_F64_U("i32.trunc_f64_u", 0x00, 0xab, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(F64), List.of(I32)), -1),
    I64_EXTEND_I32_S("i64.extend_i32_s", 0x00, 0xac, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I32), List.of(I64)), -1),
    I64_EXTEND_I32_U("i64.extend_i32_u", 0x00, 0xad, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I32), List.of(I64)), -1),
    I64_TRUNC_F32_S("i64.trunc_f32_s", 0x00, 0xae, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(F32), List.of(I64)), -1),
    I64_TRUNC_F32_U("i64.trunc_f32_u", 0x00, 0xaf, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(F32), List.of(I64)), -1),
    I64_TRUNC_F64_S("i64.trunc_f64_s", 0x00, 0xb0, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(F64), List.of(I64)), -1),
    I64_TRUNC_F64_U("i64.trunc_f64_u", 0x00, 0xb1, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(F64), List.of(I64)), -1),
    F32_CONVERT_I32_S("f32.convert_i32_s", 0x00, 0xb2, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I32), List.of(F32)), -1),
    F32_CONVERT_I32_U("f32.convert_i32_u", 0x00, 0xb3, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I32), List.of(F32)), -1),
    F32_CONVERT_I64_S("f32.convert_i64_s", 0x00, 0xb4, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I64), List.of(F32)), -1),
    F32_CONVERT_I64_U("f32.convert_i64_u", 0x00, 0xb5, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I64), List.of(F32)), -1),
    F32_DEMOTE_F64("f32.demote_f64", 0x00, 0xb6, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(F64), List.of(F32)), -1),
    F64_CONVERT_I32_S("f64.convert_i32_s", 0x00, 0xb7, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I32), List.of(F64)), -1),
    F64_CONVERT_I32_U("f64.convert_i32_u", 0x00, 0xb8, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I32), List.of(F64)), -1),
    F64_CONVERT_I64_S("f64.convert_i64_s", 0x00, 0xb9, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I64), List.of(F64)), -1),
    F64_CONVERT_I64_U("f64.convert_i64_u", 0x00, 0xba, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I64), List.of(F64)), -1),
    F64_PROMOTE_F32("f64.promote_f32", 0x00, 0xbb, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(F32), List.of(F64)), -1),
    I32_REINTERPRET_F32("i32.reinterpret_f32", 0x00, 0xbc, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(F32), List.of(I32)), -1),
    I64_REINTERPRET_F64("i64.reinterpret_f64", 0x00, 0xbd, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(F64), List.of(I64)), -1),
    F32_REINTERPRET_I32("f32.reinterpret_i32", 0x00, 0xbe, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I32), List.of(F32)), -1),
    F64_REINTERPRET_I64("f64.reinterpret_i64", 0x00, 0xbf, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I64), List.of(F64)), -1),
    I32_EXTEND8_S("i32.extend8_s", 0x00, 0xc0, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I32), List.of(I32)), -1),
    I32_EXTEND16_S("i32.extend16_s", 0x00, 0xc1, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I32), List.of(I32)), -1),
    I64_EXTEND8_S("i64.extend8_s", 0x00, 0xc2, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I64), List.of(I64)), -1),
    I64_EXTEND16_S("i64.extend16_s", 0x00, 0xc3, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I64), List.of(I64)), -1),
    I64_EXTEND32_S("i64.extend32_s", 0x00, 0xc4, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(I64), List.of(I64)), -1),
    REF_NULL("ref.null", 0x00, 0xd0, ImmediateKind.REF_TYPE, Category.REFERENCE, null, -1),
    REF_IS_NULL("ref.is_null", 0x00, 0xd1, ImmediateKind.NONE, Category.REFERENCE, null, -1),
    REF_FUNC("ref.func", 0x00, 0xd2, ImmediateKind.INDEX, Category.REFERENCE, null, -1),
    I32_TRUNC_SAT_F32_S("i32.trunc_sat_f32_s", 0xfc, 0x00, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(F32), List.of(I32)), -1),
    I32_TRUNC_SAT_F32_U("i32.trunc_sat_f32_u", 0xfc, 0x01, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(F32), List.of(I32)), -1),
    I32_TRUNC_SAT_F64_S("i32.trunc_sat_f64_s", 0xfc, 0x02, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(F64), List.of(I32)), -1),
    I32_TRUNC_SAT_F64_U("i32.trunc_sat_f64_u", 0xfc, 0x03, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(F64), List.of(I32)), -1),
    I64_TRUNC_SAT_F32_S("i64.trunc_sat_f32_s", 0xfc, 0x04, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(F32), List.of(I64)), -1),
    I64_TRUNC_SAT_F32_U("i64.trunc_sat_f32_u", 0xfc, 0x05, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(F32), List.of(I64)), -1),
    I64_TRUNC_SAT_F64_S("i64.trunc_sat_f64_s", 0xfc, 0x06, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(F64), List.of(I64)), -1),
    I64_TRUNC_SAT_F64_U("i64.trunc_sat_f64_u", 0xfc, 0x07, ImmediateKind.NONE, Category.NUMERIC, sig(List.of(F64), List.of(I64)), -1),
    MEMORY_INIT("memory.init", 0xfc, 0x08, ImmediateKind.INDEX_PAIR, Category.MEMORY, sig(List.of(I32, I32, I32), List.of()), -1),
    DATA_DROP("data.drop", 0xfc, 0x09, ImmediateKind.INDEX, Category.MEMORY, sig(List.of(), List.of()), -1),
    MEMORY_COPY("memory.copy", 0xfc, 0x0a, ImmediateKind.INDEX_PAIR, Category.MEMORY, sig(List.of(I32, I32, I32), List.of()), -1),
    MEMORY_FILL("memory.fill", 0xfc, 0x0b, ImmediateKind.MEMORY_INDEX, Category.MEMORY, sig(List.of(I32, I32, I32), List.of()), -1),
    TABLE_INIT("table.init", 0xfc, 0x0c, ImmediateKind.INDEX_PAIR, Category.TABLE, null, -1),
    ELEM_DROP("elem.drop", 0xfc, 0x0d, ImmediateKind.INDEX, Category.TABLE, null, -1),
    TABLE_COPY("table.copy", 0xfc, 0x0e, ImmediateKind.INDEX_PAIR, Category.TABLE, null, -1),
    TABLE_GROW("table.grow", 0xfc, 0x0f, ImmediateKind.INDEX, Category.TABLE, null, -1),
    TABLE_SIZE("table.size", 0xfc, 0x10, ImmediateKind.INDEX, Category.TABLE, null, -1),
    TABLE_FILL("table.fill", 0xfc, 0x11, ImmediateKind.INDEX, Category.TABLE, null, -1);

    /** The shape of an instruction's immediate operands. */
    public enum ImmediateKind {
        NONE, BLOCK_TYPE, INDEX, INDEX_PAIR, BR_TABLE, MEMARG, MEMORY_INDEX,
        I32, I64, F32, F64, VALUE_TYPES, REF_TYPE
    }

    /** Which group of validation rules applies. */
    public enum Category { CONTROL, PARAMETRIC, VARIABLE, TABLE, MEMORY, NUMERIC, REFERENCE }

    private static final Map<Integer, Opcode> BY_CODE = new HashMap<>();

    static {
        for (Opcode op : values()) {
            BY_CODE.put(key(op.prefix, op.code), op);
        }
    }

    private final String mnemonic;
    private final int prefix;
    private final int code;
    private final ImmediateKind immediateKind;
    private final Category category;
    private final FuncType signature;
    private final int naturalAlignment;

    Opcode(String mnemonic, int prefix, int code, ImmediateKind immediateKind, Category category,
           FuncType signature, int naturalAlignment) {
        this.mnemonic = mnemonic;
        this.prefix = prefix;
        this.code = code;
        this.immediateKind = immediateKind;
        this.category = category;
        this.signature = signature;
        this.naturalAlignment = naturalAlignment;
    }

    private static FuncType sig(List<ValType> params, List<ValType> results) {
        return new FuncType(params, results);
    }

    private static int key(int prefix, int code) {
        return prefix << 16 | code;
    }

    /** The opcode for a single-byte code, or null. */
    public static Opcode single(int code) {
        return BY_CODE.get(key(0, code));
    }

    /** The opcode for {@code prefix} followed by the LEB128 sub-opcode {@code code}, or null. */
    public static Opcode prefixed(int prefix, int code) {
        return BY_CODE.get(key(prefix, code));
    }

    public String mnemonic() {
        return mnemonic;
    }

    public int prefix() {
        return prefix;
    }

    public int code() {
        return code;
    }

    public ImmediateKind immediateKind() {
        return immediateKind;
    }

    public Category category() {
        return category;
    }

    /** Operand types popped and pushed, when fixed by the opcode alone; otherwise null. */
    public FuncType signature() {
        return signature;
    }

    /** log2 of the access width in bytes for loads and stores, otherwise -1. */
    public int naturalAlignment() {
        return naturalAlignment;
    }

    @Override
    public String toString() {
        return mnemonic;
    }
}
