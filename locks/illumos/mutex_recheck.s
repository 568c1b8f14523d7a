# Steps (3)2-(3)5 of illumos mutex.c's Big Theory Statement, from
# mutex_vector_enter (illumos-gate usr/src/uts/common/os/mutex.c, 2009 and
# later text), after MUTEX_SET_WAITERS: membar_enter (mfence); if the owner
# runs, do not block; membar_consumer (lfence); re-read the word and block
# only if the owner and the waiters bit are unchanged. No LOCK.
#   mutex_vector_recheck(%rdi = lp, %rsi = owner seen) -> %eax = 1 to block
        .equ MUTEX_THREAD, -8
        .equ MUTEX_WAITERS, 1
        .text
        .globl mutex_vector_recheck
mutex_vector_recheck:
        pushq %rbx
        pushq %r12
        movq %rdi, %rbx
        movq %rsi, %r12
        mfence                          # (3)2 membar_enter
        call mutex_owner_running        # (3)3
        testq %rax, %rax
        jnz 1f
        lfence                          # (3)4 membar_consumer
        movq (%rbx), %rax               # (3)5
        movq %rax, %rdx
        andq $MUTEX_THREAD, %rdx
        cmpq %r12, %rdx
        jne 1f
        testq $MUTEX_WAITERS, %rax
        jz 1f
        movl $1, %eax
        jmp 2f
1:      xorl %eax, %eax
2:      popq %r12
        popq %rbx
        ret
