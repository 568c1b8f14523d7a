# Calls a snippet natively with every GPR (but %rsp) and RFLAGS loaded from
# an array, and stores them back afterwards: the real CPU's answer that the
# semantics tests compare against.
#
#   void native_call(void (*fn)(void), uint64_t io[17]);
#   io[0..15]: registers in encoding order (io[4], %rsp, is ignored)
#   io[16]:    RFLAGS
        .text
        .globl native_call
native_call:
        push %rbp
        push %rbx
        push %r12
        push %r13
        push %r14
        push %r15
        push %rsi               # io
        push %rdi               # fn
        sub $8, %rsp            # 16-byte aligned at the call, as the ABI asks
        mov 16(%rsp), %rax
        pushq 128(%rax)
        popfq
        mov 8(%rax), %rcx
        mov 16(%rax), %rdx
        mov 24(%rax), %rbx
        mov 40(%rax), %rbp
        mov 48(%rax), %rsi
        mov 56(%rax), %rdi
        mov 64(%rax), %r8
        mov 72(%rax), %r9
        mov 80(%rax), %r10
        mov 88(%rax), %r11
        mov 96(%rax), %r12
        mov 104(%rax), %r13
        mov 112(%rax), %r14
        mov 120(%rax), %r15
        mov 0(%rax), %rax
        call *8(%rsp)
        pushfq
        push %rax
        mov 32(%rsp), %rax      # io (above saved rax, rflags, pad, fn)
        mov %rcx, 8(%rax)
        mov %rdx, 16(%rax)
        mov %rbx, 24(%rax)
        mov %rbp, 40(%rax)
        mov %rsi, 48(%rax)
        mov %rdi, 56(%rax)
        mov %r8, 64(%rax)
        mov %r9, 72(%rax)
        mov %r10, 80(%rax)
        mov %r11, 88(%rax)
        mov %r12, 96(%rax)
        mov %r13, 104(%rax)
        mov %r14, 112(%rax)
        mov %r15, 120(%rax)
        pop %rcx
        mov %rcx, 0(%rax)
        pop %rcx
        mov %rcx, 128(%rax)
        cld
        add $24, %rsp
        pop %r15
        pop %r14
        pop %r13
        pop %r12
        pop %rbx
        pop %rbp
        ret
        .section .note.GNU-stack,"",@progbits
