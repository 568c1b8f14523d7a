# Linux x86 ticket spinlock, v2.6.25 to about v3.1 (NR_CPUS < 256 layout),
# from arch/x86/include/asm/spinlock.h: __ticket_spin_lock/trylock/unlock.
# State word: 16-bit slock; low byte = head (ticket now served), high byte =
# tail (next ticket to hand out). Held iff head != tail.
        .text

# __ticket_spin_lock(%rdi = &slock). LOCK'd: the xaddw that takes a ticket.
# The spin re-reads only the head byte with a plain load.
        .globl ticket_spin_lock
ticket_spin_lock:
        movw $0x0100, %ax
        lock xaddw %ax, (%rdi)
1:      cmpb %ah, %al
        je 2f
        pause
        movb (%rdi), %al
        jmp 1b
2:      ret

# __ticket_spin_trylock(%rdi) -> %eax = 1 if taken. LOCK'd: the cmpxchgw.
        .globl ticket_spin_trylock
ticket_spin_trylock:
        movzwl (%rdi), %eax
        cmpb %ah, %al
        leal 0x100(%rax), %edx
        jne 1f
        lock cmpxchgw %dx, (%rdi)
1:      sete %dl
        movzbl %dl, %eax
        ret

# __ticket_spin_unlock(%rdi). Not LOCK'd: UNLOCK_LOCK_PREFIX is empty on
# x86-64, so the release is one plain read-modify-write of the head byte.
        .globl ticket_spin_unlock
ticket_spin_unlock:
        incb (%rdi)
        ret
