# Two threads add 2 to a shared counter each: with lock incq no update is
# lost; with a plain incq (load, add, store) one can be.
        .data
        .p2align 6
counter: .quad 0
        .text
        .globl locked_inc2, plain_inc2
locked_inc2:
        lock incq counter(%rip)
        lock incq counter(%rip)
        ret
plain_inc2:
        incq counter(%rip)
        incq counter(%rip)
        ret
