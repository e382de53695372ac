/*
 * Machine code of io.github.wasmaot.loader.backend.nativ.SignalTraps (x86-64 Linux, System V ABI).
 * SignalTraps holds the assembled bytes; SignalTrapsCodeTest assembles this file again with clang (when
 * installed) and checks that they are the same. Rebuild:
 *   clang -c -o t.o signal-traps-x86_64.S && objcopy -O binary -j .text t.o t.bin && xxd -p t.bin
 *
 * Layout: this code at BASE (one read+exec page), then a read+write data page at BASE+4096:
 *   DATA+0   call thread (pthread_self of the thread that runs wasm calls)
 *   DATA+8   innermost active call frame, 0 when no wasm call runs
 *   DATA+16  previous SIGSEGV handler, DATA+24 its sa_flags
 *   DATA+32  previous SIGBUS handler,  DATA+40 its sa_flags
 *   DATA+48  timeout requested (non-zero: the timeout signal stops wasm code)
 *   DATA+56  32 zero bytes (a kernel sigaction for SIG_DFL)
 *   DATA+88  abort requested (non-zero: host_thunk ends the innermost wasm call when the host function returns)
 *   DATA+120 number of text range slots in use (the handler looks at no more)
 *   DATA+128 up to 4096 text ranges [start, end) of loaded AOT code; a free slot is [0, 0)
 * A call frame (one per nesting level, written by Java):
 *   +0 previous frame  +8 saved stack pointer  +16 status (0 returned, 1 fault, 2 timeout, 3 aborted)
 *   +24 signal  +32 fault address  +40 fault pc  +48 rax result  +56 xmm0 result  +64 rdi..r9
 *   +112 xmm0..xmm7  +176 number of stack arguments  +184 return address of the host call under way
 *   +192 stack arguments
 */
        .intel_syntax noprefix
        .text
        .set DATA, base + 4096
        .set CALL_THREAD, DATA
        .set FRAME, DATA + 8
        .set OLD_SEGV, DATA + 16
        .set OLD_BUS, DATA + 32
        .set TIMEOUT, DATA + 48
        .set DFL_ACTION, DATA + 56
        .set ABORT, DATA + 88
        .set NRANGES, DATA + 120
        .set RANGES, DATA + 128

base:
/* offset 0: long enter(void *target, frame *f) -> status; results in f */
enter:
        push rbp
        mov rbp, rsp
        push rbx
        push r12
        push r13
        push r14
        push r15
        sub rsp, 8
        mov r12, rsi
        mov r13, rdi
        mov qword ptr [r12 + 16], 0
        mov [r12 + 8], rsp
        mov rax, [rip + FRAME]
        mov [r12], rax
        mov rcx, [r12 + 176]
        lea rax, [rcx * 8 + 15]
        and rax, -16
        sub rsp, rax
        xor edx, edx
1:      cmp rdx, rcx
        jae 2f
        mov rax, [r12 + rdx * 8 + 192]
        mov [rsp + rdx * 8], rax
        inc rdx
        jmp 1b
2:      movq xmm0, [r12 + 112]
        movq xmm1, [r12 + 120]
        movq xmm2, [r12 + 128]
        movq xmm3, [r12 + 136]
        movq xmm4, [r12 + 144]
        movq xmm5, [r12 + 152]
        movq xmm6, [r12 + 160]
        movq xmm7, [r12 + 168]
        mov rdi, [r12 + 64]
        mov rsi, [r12 + 72]
        mov rdx, [r12 + 80]
        mov rcx, [r12 + 88]
        mov r8, [r12 + 96]
        mov r9, [r12 + 104]
        mov [rip + FRAME], r12
        call r13
        mov [r12 + 48], rax
        movq [r12 + 56], xmm0
        xor eax, eax
leave_frame:
        mov rcx, [r12]
        mov [rip + FRAME], rcx
        mov rsp, [r12 + 8]
        add rsp, 8
        pop r15
        pop r14
        pop r13
        pop r12
        pop rbx
        pop rbp
        ret
/* where the handler sends a stopped call: rsp = the frame's saved stack pointer, r12 = the frame */
landing:
        mov rax, [r12 + 16]
        jmp leave_frame

        .p2align 4
/* void handler(int sig, siginfo_t *info, ucontext_t *uc), for SIGSEGV, SIGBUS and the timeout signal */
handler:
        mov rax, fs:[0x10]
        cmp rax, [rip + CALL_THREAD]
        jne chain
        mov r8, [rip + FRAME]
        test r8, r8
        jz chain
        cmp edi, 11
        je 3f
        cmp edi, 7
        je 3f
        cmp qword ptr [rip + TIMEOUT], 0
        je chain
3:      mov r9, [rdx + 168]
        lea r10, [rip + RANGES]
        mov r11, [rip + NRANGES]
        test r11, r11
        jz chain
4:      cmp r9, [r10]
        jb 5f
        cmp r9, [r10 + 8]
        jb hit
5:      add r10, 16
        dec r11
        jnz 4b
        jmp chain
hit:    mov eax, 2
        cmp edi, 11
        je 6f
        cmp edi, 7
        jne 7f
6:      mov eax, 1
        mov rcx, [rsi + 16]
        mov [r8 + 32], rcx
7:      mov [r8 + 16], rax
        movsxd rdi, edi
        mov [r8 + 24], rdi
        mov [r8 + 40], r9
        mov rax, [r8 + 8]
        mov [rdx + 160], rax
        mov [rdx + 72], r8
        lea rax, [rip + landing]
        mov [rdx + 168], rax
        and qword ptr [rdx + 176], -1025
        ret
chain:  cmp edi, 11
        je 8f
        cmp edi, 7
        je 9f
        ret
8:      mov rax, [rip + OLD_SEGV]
        mov rcx, [rip + OLD_SEGV + 8]
        jmp 10f
9:      mov rax, [rip + OLD_BUS]
        mov rcx, [rip + OLD_BUS + 8]
10:     cmp rax, 1
        jbe 11f
        jmp rax
11:     mov eax, 13
        lea rsi, [rip + DFL_ACTION]
        xor edx, edx
        mov r10d, 8
        syscall
        ret

        .p2align 4
/*
 * host_thunk: AOT code reaches every Java host function through it (a stub per entry loads the JNA callback's
 * address into rax and jumps here), so that a host function can end the wasm call the way WAMR's runtime
 * longjmps out of AOT code after aot_set_exception_with_id: it sets ABORT before it returns, and instead of
 * returning to the AOT code this unwinds to enter's epilogue with status 3. The caller's return address waits
 * in the innermost frame; popping it leaves the stack arguments where the callee expects them.
 */
host_thunk:
        mov r10, [rip + FRAME]
        test r10, r10
        jz 2f
        pop r11
        mov [r10 + 184], r11
        call rax
        mov r10, [rip + FRAME]
        cmp qword ptr [rip + ABORT], 0
        jne 1f
        jmp qword ptr [r10 + 184]
1:      mov qword ptr [rip + ABORT], 0
        mov qword ptr [r10 + 16], 3
        mov r12, r10
        mov rsp, [r10 + 8]
        jmp landing
2:      jmp rax
