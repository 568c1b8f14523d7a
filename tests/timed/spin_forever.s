# Waits for a flag nobody sets: the run must stop at max_cycles and name
# the spinning instruction.
        .data
flag:   .quad 0
        .text
        .globl wait_forever
wait_forever:
1:      cmpq $0, flag(%rip)
        je 1b
        ret
