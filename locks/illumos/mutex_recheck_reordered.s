# A broken mutex_vector_recheck (see mutex_recheck.s) for the minimality
# claim of the Big Theory Statement: (3)2 and (3)3 swapped, so the waiter
# re-reads the owner and waiters bit first and looks at CPU_THREAD last.
# Not a real illumos routine.
        .equ MUTEX_THREAD, -8
        .equ MUTEX_WAITERS, 1
        .text
        .globl mutex_vector_recheck
mutex_vector_recheck:
        movq (%rdi), %rax               # (3)5 first
        movq %rax, %rdx
        andq $MUTEX_THREAD, %rdx
        cmpq %rsi, %rdx
        jne 1f
        testq $MUTEX_WAITERS, %rax
        jz 1f
        call mutex_owner_running        # then (3)3, with no barrier between
        testq %rax, %rax
        jnz 1f
        movl $1, %eax
        ret
1:      xorl %eax, %eax
        ret
