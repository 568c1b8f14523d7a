# Workers for Linux completions (locks/linux/completion.s): comp_waiter
# waits for the completion %rsi times, reading the data published before
# each complete(); comp_completer publishes data and completes %rsi times.
        .data
        .p2align 6
        .globl comp
comp:   .long 0                         # done
        .long 0
        .long 0                         # wait.lock
        .long 0
        .quad comp+16, comp+16          # wait.task_list: empty
        .p2align 6
        .globl data
data:   .quad 0
        .p2align 6
        .globl got
got:    .quad 0
        .p2align 6
        .globl done
done:   .quad 0
        .text
        .globl comp_waiter
comp_waiter:
        pushq %rbx
        movq %rsi, %rbx
1:      leaq comp(%rip), %rdi
        call wait_for_completion
        movq data(%rip), %rax
        lock addq %rax, got(%rip)
        lock incq done(%rip)
        decq %rbx
        jnz 1b
        popq %rbx
        ret

        .globl comp_completer
comp_completer:
        pushq %rbx
        movq %rsi, %rbx
        movq $21, data(%rip)
1:      leaq comp(%rip), %rdi
        call complete
        decq %rbx
        jnz 1b
        popq %rbx
        ret
