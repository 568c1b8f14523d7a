# Routines whose cycle counts timed_engine_test computes by hand.
        .data
        .p2align 6
x:      .quad 0
        .p2align 6
a:      .quad 0
        .p2align 6
b:      .quad 0
        .p2align 6
c:      .quad 0
        .text
        .globl load_twice, cmpxchg_owned, mfence_after_3, write_x, read_x_late, idle

load_twice:                     # a miss to memory, then an L1 hit
        mov x(%rip), %rax
        mov x(%rip), %rbx
        ret

cmpxchg_owned:                  # uncontended lock cmpxchg on a line held in E
        mov x(%rip), %rax
        mov $5, %ecx
        lock cmpxchg %rcx, x(%rip)
        ret

mfence_after_3:                 # mfence behind three buffered stores to three lines
        movq $1, a(%rip)
        movq $2, b(%rip)
        movq $3, c(%rip)
        mfence
        ret

write_x:                        # leaves x Modified in this core's L1
        movq $1, x(%rip)
        mfence
        ret

read_x_late:                    # reads x long after write_x finished: cache to cache
        pause
        pause
        pause
        pause
        mov x(%rip), %rax
        ret

idle:   hlt                     # occupies a core without touching memory
