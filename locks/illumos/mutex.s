# illumos adaptive-mutex slow paths, from illumos-gate
# usr/src/uts/common/os/mutex.c (2009 and later text: mutex_vector_enter
# calls mutex_owner_running), written here in assembly as a compiler would
# lay out the C, without lockstat, backoff delays and the panics' messages.
# One turnstile chain (turnstile_chain_lock, a byte spin lock, as
# turnstile.c's hash chains are) serves every mutex; a mutex's turnstile
# queue is keyed by the mutex's address.
        .equ MUTEX_THREAD, -8
        .equ MUTEX_WAITERS, 1
        .data
        .globl turnstile_chain_lock
        .p2align 6
turnstile_chain_lock:
        .byte 0
        .text

# mutex_vector_enter(%rdi = lp). LOCK'd: the tryenter cmpxchgq, the
# MUTEX_SET_WAITERS cmpxchgq loop, the chain lock's xchgb. Spins while the
# owner runs; otherwise, under the chain lock, steps (3)1-(3)6 of the Big
# Theory Statement: set the waiters bit, recheck (mutex_vector_recheck, in
# a file of its own so a broken recheck is a different file), block.
        .globl mutex_vector_enter
mutex_vector_enter:
        pushq %rbx
        pushq %r12
        movq %rdi, %rbx
.Lretry:
        movq (%rbx), %r12               # owner = MUTEX_OWNER(lp), a plain load
        andq $MUTEX_THREAD, %r12
        jnz .Lowned
        movq %rbx, %rdi
        call mutex_adaptive_tryenter    # free: try to take it
        testl %eax, %eax
        jnz .Ldone
        pause
        jmp .Lretry
.Lowned:
        movq %gs:0, %rax
        cmpq %rax, %r12                 # recursive mutex_enter: a panic
        sete %dil
        xorb $1, %dil
        movzbq %dil, %rdi
        call __assert
        movq %rbx, %rdi
        call mutex_owner_running
        testq %rax, %rax
        jz .Lblock
        pause                           # the owner runs: spin
        jmp .Lretry
.Lblock:
        leaq turnstile_chain_lock(%rip), %rdi
        call lock_set                   # turnstile_lookup: the chain lock
.Lset_waiters:                          # MUTEX_SET_WAITERS(lp): (3)1
        movq (%rbx), %rax
        testq %rax, %rax
        jz .Lset_done                   # never sets the bit on a free lock
        movq %rax, %rdx
        orq $MUTEX_WAITERS, %rdx
        lock cmpxchgq %rdx, (%rbx)
        jnz .Lset_waiters
.Lset_done:
        movq %rbx, %rdi
        movq %r12, %rsi
        call mutex_vector_recheck       # (3)2-(3)5 (mutex_recheck.s)
        testl %eax, %eax
        jz .Lexit
        movq %rbx, %rdi                 # (3)6: turnstile_block, dropping the chain lock as it sleeps
        leaq turnstile_chain_lock(%rip), %rsi
        movl $1, %edx
        call __turnstile_block
        jmp .Lretry
.Lexit:
        leaq turnstile_chain_lock(%rip), %rdi
        call lock_clear                 # turnstile_exit
        jmp .Lretry
.Ldone:
        popq %r12
        popq %rbx
        ret

# mutex_vector_exit(%rdi = lp). Under the chain lock: clear the word (a plain
# store, MUTEX_CLEAR_LOCK_AND_WAITERS) and wake every waiter (exit option
# (3) of the Big Theory Statement). LOCK'd: only the chain lock's xchgb.
        .globl mutex_vector_exit
mutex_vector_exit:
        pushq %rbx
        movq %rdi, %rbx
        movq (%rbx), %rax               # MUTEX_OWNER(lp) != curthread: a panic
        andq $MUTEX_THREAD, %rax
        cmpq %gs:0, %rax
        sete %dil
        movzbq %dil, %rdi
        call __assert
        leaq turnstile_chain_lock(%rip), %rdi
        call lock_set                   # turnstile_lookup
        movq $0, (%rbx)                 # clear owner and waiters: plain
        movq %rbx, %rdi
        movl $0x7fffffff, %esi
        call __futex_wake               # turnstile_wakeup: every waiter on lp's queue
        leaq turnstile_chain_lock(%rip), %rdi
        call lock_clear                 # the wake-up drops the chain lock
        popq %rbx
        ret
