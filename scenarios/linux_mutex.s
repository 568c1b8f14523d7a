# Each thread takes the Linux count mutex (locks/linux/) %rsi times and
# increments a plain counter inside the critical section, bracketed by the
# kernel model's markers keyed by the mutex's address.
        .data
        .p2align 6
        .globl mtx
mtx:    .long 1                         # count: free
        .word 0                         # wait_lock (ticket: head, tail)
        .word 0
        .quad mtx+8                     # wait_list.next: empty list,
        .quad mtx+8                     # wait_list.prev: points to itself
        .quad 0                         # owner
        .quad 0                         # osq tail
        .p2align 6
        .globl counter
counter: .quad 0
        .text
        .globl linux_worker
linux_worker:
        pushq %rbx
        movq %rsi, %rbx
1:      leaq mtx(%rip), %rdi
        call mutex_lock
        leaq mtx(%rip), %rdi
        call __cs_enter
        movq counter(%rip), %rax        # a plain read-modify-write
        incq %rax
        movq %rax, counter(%rip)
        leaq mtx(%rip), %rdi
        call __cs_exit
        leaq mtx(%rip), %rdi
        call mutex_unlock
        decq %rbx
        jnz 1b
        popq %rbx
        ret
