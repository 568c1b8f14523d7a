# Store buffering (SB): each thread stores to one flag, then loads the other.
# x86-TSO allows both loads to see 0 (each store still in its buffer).
        .data
        .p2align 6
x:      .quad 0
        .p2align 6
y:      .quad 0
        .text
        .globl sb_t0, sb_t1
sb_t0:  movq $1, x(%rip)
        movq y(%rip), %rax
        ret
sb_t1:  movq $1, y(%rip)
        movq x(%rip), %rax
        ret
