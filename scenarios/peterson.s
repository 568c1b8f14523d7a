# Peterson's algorithm for two threads, as in textbooks, and with the
# mfence x86-TSO needs between announcing and checking. Without it both
# threads can read the other's flag as 0 (their stores still buffered)
# and enter together: the increments in the critical section collide.
        .data
        .p2align 6
flag0:   .quad 0
        .p2align 6
flag1:   .quad 0
        .p2align 6
turn:    .quad 0
        .p2align 6
counter: .quad 0
        .text
        .globl peterson_t0
peterson_t0:
        movq $1, flag0(%rip)          # I want in
        movq $1, turn(%rip)           # you go first
1:      cmpq $1, flag1(%rip)          # wait while the other wants in
        jne 2f
        cmpq $1, turn(%rip)           # ... and it is its turn
        je 1b
2:      movq counter(%rip), %rax        # critical section: a plain increment
        addq $1, %rax
        movq %rax, counter(%rip)
        movq $0, flag0(%rip)          # leave
        ret
        .globl peterson_t1
peterson_t1:
        movq $1, flag1(%rip)          # I want in
        movq $0, turn(%rip)           # you go first
1:      cmpq $1, flag0(%rip)          # wait while the other wants in
        jne 2f
        cmpq $0, turn(%rip)           # ... and it is its turn
        je 1b
2:      movq counter(%rip), %rax        # critical section: a plain increment
        addq $1, %rax
        movq %rax, counter(%rip)
        movq $0, flag1(%rip)          # leave
        ret
        .globl peterson_mfence_t0
peterson_mfence_t0:
        movq $1, flag0(%rip)          # I want in
        movq $1, turn(%rip)           # you go first
        mfence
1:      cmpq $1, flag1(%rip)          # wait while the other wants in
        jne 2f
        cmpq $1, turn(%rip)           # ... and it is its turn
        je 1b
2:      movq counter(%rip), %rax        # critical section: a plain increment
        addq $1, %rax
        movq %rax, counter(%rip)
        movq $0, flag0(%rip)          # leave
        ret
        .globl peterson_mfence_t1
peterson_mfence_t1:
        movq $1, flag1(%rip)          # I want in
        movq $0, turn(%rip)           # you go first
        mfence
1:      cmpq $1, flag0(%rip)          # wait while the other wants in
        jne 2f
        cmpq $0, turn(%rip)           # ... and it is its turn
        je 1b
2:      movq counter(%rip), %rax        # critical section: a plain increment
        addq $1, %rax
        movq %rax, counter(%rip)
        movq $0, flag1(%rip)          # leave
        ret
