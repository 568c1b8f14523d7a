# Two test-and-set spinlocks taken in opposite orders (AB-BA): each thread
# can hold its first lock while spinning on its second, forever.
        .data
        .p2align 6
lock_a: .quad 0
        .p2align 6
lock_b: .quad 0
        .p2align 6
inside: .quad 0
        .text
# spin_lock(%rdi): xchg is implicitly LOCK'd.
spin_lock:
1:      movl $1, %eax
        xchgl %eax, (%rdi)
        testl %eax, %eax
        jnz 1b
        ret
        .globl abba_t0, abba_t1
abba_t0:
        leaq lock_a(%rip), %rdi
        call spin_lock
        leaq lock_b(%rip), %rdi
        call spin_lock
        lock incq inside(%rip)
        movl $0, lock_b(%rip)
        movl $0, lock_a(%rip)
        ret
abba_t1:
        leaq lock_b(%rip), %rdi
        call spin_lock
        leaq lock_a(%rip), %rdi
        call spin_lock
        lock incq inside(%rip)
        movl $0, lock_a(%rip)
        movl $0, lock_b(%rip)
        ret
