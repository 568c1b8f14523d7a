# Message passing: the writer stores data, then flag; the reader spins until
# it sees flag, then reads data. x86-TSO keeps store-store and load-load
# order, so the reader always sees data = 42.
        .data
        .p2align 6
data:   .quad 0
        .p2align 6
flag:   .quad 0
        .text
        .globl mp_writer, mp_reader
mp_writer:
        movq $42, data(%rip)
        movq $1, flag(%rip)
        ret
mp_reader:
1:      cmpq $0, flag(%rip)
        je 1b
        movq data(%rip), %rbx
        ret
