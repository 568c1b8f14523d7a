# Workers for the Linux semaphore (locks/linux/semaphore.s). sem starts at
# 1 (a binary semaphore, the old DECLARE_MUTEX use): sem_worker takes it
# %rsi times around a plain counter increment bracketed by the markers.
# items starts at 0 (a counting semaphore): sem_producer ups it %rsi times,
# sem_consumer downs it %rsi times and counts what it got in consumed.
        .data
        .p2align 6
        .globl sem
sem:    .long 0                         # lock
        .long 1                         # count
        .quad sem+8, sem+8              # wait_list: empty
        .p2align 6
        .globl counter
counter: .quad 0
        .p2align 6
        .globl items
items:  .long 0
        .long 0
        .quad items+8, items+8
        .p2align 6
        .globl consumed
consumed: .quad 0
        .text
        .globl sem_worker
sem_worker:
        pushq %rbx
        movq %rsi, %rbx
1:      leaq sem(%rip), %rdi
        call down
        leaq sem(%rip), %rdi
        call __cs_enter
        movq counter(%rip), %rax        # a plain read-modify-write
        incq %rax
        movq %rax, counter(%rip)
        leaq sem(%rip), %rdi
        call __cs_exit
        leaq sem(%rip), %rdi
        call up
        decq %rbx
        jnz 1b
        popq %rbx
        ret

        .globl sem_producer
sem_producer:
        pushq %rbx
        movq %rsi, %rbx
1:      leaq items(%rip), %rdi
        call up
        decq %rbx
        jnz 1b
        popq %rbx
        ret

        .globl sem_consumer
sem_consumer:
        pushq %rbx
        movq %rsi, %rbx
1:      leaq items(%rip), %rdi
        call down
        lock incq consumed(%rip)
        decq %rbx
        jnz 1b
        popq %rbx
        ret
