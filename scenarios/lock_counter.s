# Each thread adds 1 to a shared counter %rdi times with lock incq: no
# update may be lost, so the counter ends at threads x iterations.
        .data
        .p2align 6
counter: .quad 0
        .text
        .globl lock_inc_loop
lock_inc_loop:
1:      lock incq counter(%rip)
        dec %rdi
        jnz 1b
        ret
