# Each thread takes the Linux ticket spinlock (locks/linux_ticket.s) %rsi
# times, increments a plain counter inside the critical section, and
# releases with the plain (non-LOCK'd) incb.
        .data
        .p2align 6
slock:  .quad 0
        .p2align 6
inside: .quad 0
        .text
        .globl ticket_worker
ticket_worker:
        push %rbx
        mov %rsi, %rbx
1:      lea slock(%rip), %rdi
        call ticket_spin_lock
        incq inside(%rip)            # protected by the lock, not LOCK'd
        lea slock(%rip), %rdi
        call ticket_spin_unlock
        dec %rbx
        jnz 1b
        pop %rbx
        ret
