# Each thread takes Drepper's futex mutex (locks/futex/) %rsi times and
# increments a plain counter inside the critical section, bracketed by the
# kernel model's markers keyed by the futex word's address.
        .data
        .p2align 6
        .globl fmutex
fmutex: .long 0
        .p2align 6
        .globl counter
counter: .quad 0
        .text
        .globl futex_worker
futex_worker:
        pushq %rbx
        movq %rsi, %rbx
1:      leaq fmutex(%rip), %rdi
        call futex_mutex_lock
        leaq fmutex(%rip), %rdi
        call __cs_enter
        movq counter(%rip), %rax        # a plain read-modify-write
        incq %rax
        movq %rax, counter(%rip)
        leaq fmutex(%rip), %rdi
        call __cs_exit
        leaq fmutex(%rip), %rdi
        call futex_mutex_unlock
        decq %rbx
        jnz 1b
        popq %rbx
        ret
