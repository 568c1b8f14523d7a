# SB with mfence between each store and the following load: the fence
# drains the store buffer, so both loads can no longer read 0.
        .data
        .p2align 6
x:      .quad 0
        .p2align 6
y:      .quad 0
        .text
        .globl sbf_t0, sbf_t1
sbf_t0: movq $1, x(%rip)
        mfence
        movq y(%rip), %rax
        ret
sbf_t1: movq $1, y(%rip)
        mfence
        movq x(%rip), %rax
        ret
