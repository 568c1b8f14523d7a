# Dekker's algorithm for two threads, without and with mfence after each
# store to the thread's own flag. Under x86-TSO the unfenced version lets
# both threads into the critical section.
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
        .globl dekker_t0
dekker_t0:
        movq $1, flag0(%rip)          # I want in
1:      cmpq $0, flag1(%rip)          # the other does not: enter
        je 3f
        cmpq $0, turn(%rip)           # my turn: insist
        je 1b
        movq $0, flag0(%rip)          # back off until it is my turn
2:      cmpq $0, turn(%rip)
        jne 2b
        movq $1, flag0(%rip)
        jmp 1b
3:      movq counter(%rip), %rax        # critical section: a plain increment
        addq $1, %rax
        movq %rax, counter(%rip)
        movq $1, turn(%rip)           # your turn
        movq $0, flag0(%rip)
        ret
        .globl dekker_t1
dekker_t1:
        movq $1, flag1(%rip)          # I want in
1:      cmpq $0, flag0(%rip)          # the other does not: enter
        je 3f
        cmpq $1, turn(%rip)           # my turn: insist
        je 1b
        movq $0, flag1(%rip)          # back off until it is my turn
2:      cmpq $1, turn(%rip)
        jne 2b
        movq $1, flag1(%rip)
        jmp 1b
3:      movq counter(%rip), %rax        # critical section: a plain increment
        addq $1, %rax
        movq %rax, counter(%rip)
        movq $0, turn(%rip)           # your turn
        movq $0, flag1(%rip)
        ret
        .globl dekker_mfence_t0
dekker_mfence_t0:
        movq $1, flag0(%rip)          # I want in
        mfence
1:      cmpq $0, flag1(%rip)          # the other does not: enter
        je 3f
        cmpq $0, turn(%rip)           # my turn: insist
        je 1b
        movq $0, flag0(%rip)          # back off until it is my turn
2:      cmpq $0, turn(%rip)
        jne 2b
        movq $1, flag0(%rip)
        mfence
        jmp 1b
3:      movq counter(%rip), %rax        # critical section: a plain increment
        addq $1, %rax
        movq %rax, counter(%rip)
        movq $1, turn(%rip)           # your turn
        movq $0, flag0(%rip)
        ret
        .globl dekker_mfence_t1
dekker_mfence_t1:
        movq $1, flag1(%rip)          # I want in
        mfence
1:      cmpq $0, flag0(%rip)          # the other does not: enter
        je 3f
        cmpq $1, turn(%rip)           # my turn: insist
        je 1b
        movq $0, flag1(%rip)          # back off until it is my turn
2:      cmpq $1, turn(%rip)
        jne 2b
        movq $1, flag1(%rip)
        mfence
        jmp 1b
3:      movq counter(%rip), %rax        # critical section: a plain increment
        addq $1, %rax
        movq %rax, counter(%rip)
        movq $0, turn(%rip)           # your turn
        movq $0, flag1(%rip)
        ret
