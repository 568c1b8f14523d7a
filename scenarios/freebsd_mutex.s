# Each thread takes the FreeBSD sleep mutex (locks/freebsd/) %rsi times and
# increments a plain counter inside the critical section, bracketed by the
# kernel model's markers keyed by the mutex's address: a broken lock fails
# at the step where a second thread gets in.
        .data
        .p2align 6
        .globl mtx
mtx:    .quad 0
        .p2align 6
        .globl counter
counter: .quad 0
        .text
        .globl freebsd_worker
freebsd_worker:
        pushq %rbx
        movq %rsi, %rbx
1:      leaq mtx(%rip), %rdi
        call _mtx_lock
        leaq mtx(%rip), %rdi
        call __cs_enter
        movq counter(%rip), %rax        # a plain read-modify-write
        incq %rax
        movq %rax, counter(%rip)
        leaq mtx(%rip), %rdi
        call __cs_exit
        leaq mtx(%rip), %rdi
        call _mtx_unlock
        decq %rbx
        jnz 1b
        popq %rbx
        ret
