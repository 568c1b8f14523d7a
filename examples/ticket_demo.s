# Single-thread walk through the ticket lock in locks/linux_ticket.s:
#   locksim exec locks/linux_ticket.s examples/ticket_demo.s --entry demo
        .data
slock:          .quad 0         # the lock word (16 bits used)
try_while_held: .quad -1        # trylock result while the lock is held
try_when_free:  .quad -1        # trylock result once it is free again

        .text
        .globl demo
demo:
        lea slock(%rip), %rdi
        call ticket_spin_lock           # head 0, tail 0 -> ticket 0, served at once
        lea slock(%rip), %rdi
        call ticket_spin_trylock        # head 0 != tail 1: fails
        mov %rax, try_while_held(%rip)
        lea slock(%rip), %rdi
        call ticket_spin_unlock         # head 1
        lea slock(%rip), %rdi
        call ticket_spin_trylock        # head 1 == tail 1: takes ticket 1
        mov %rax, try_when_free(%rip)
        lea slock(%rip), %rdi
        call ticket_spin_unlock         # head 2, tail 2: free
        movzwl slock(%rip), %eax
        ret
