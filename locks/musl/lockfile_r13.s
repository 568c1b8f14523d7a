# musl stdio FILE lock, src/stdio/__lockfile.c as it was from the
# introduction of MAYBE_WAITERS until commit 0db393d3 ("fix race condition
# in file locking"): an algorithmic lost wake-up (R13), no reordering
# needed. Same word and primitives as lockfile.s. A thread takes the lock
# in its first loop with a bare tid, clearing the flag even though other
# threads may still sleep; and a woken waiter that finds such a bare owner
# sleeps on that value without setting the flag again. The owner's
# __unlockfile then sees no flag and wakes nobody.
        .equ MAYBE_WAITERS, 0x40000000
        .text

# __lockfile(%rdi = &f->lock) -> %eax = 1 if taken, 0 if already ours.
        .globl __lockfile
__lockfile:
        movq %gs:0, %rax
        movl (%rax), %edx
        incl %edx                        # tid
        movl (%rdi), %eax                # owner = f->lock (plain)
        andl $~MAYBE_WAITERS, %eax
        cmpl %edx, %eax
        jne 1f
        xorl %eax, %eax
        ret
1:      xorl %eax, %eax                  # for (;;) {
        lock cmpxchgl %edx, (%rdi)       #   owner = a_cas(&f->lock, 0, tid)
        jz 4f                            #   if (!owner) return 1
        movl %eax, %ecx
        movl %ecx, %r9d
        orl $MAYBE_WAITERS, %r9d
        lock cmpxchgl %r9d, (%rdi)       #   if (a_cas(.., owner, owner|MW) == owner)
        jne 1b                           #     break; }
        movl %edx, %r8d
        orl $MAYBE_WAITERS, %r8d
2:      xorl %eax, %eax
        lock cmpxchgl %r8d, (%rdi)       # while ((owner = a_cas(.., 0, tid|MW)))
        jz 4f
        movl %eax, %esi                  #   __futexwait(&f->lock, owner, 1):
        call __futex_wait                #   the owner as seen, flag or not
        jmp 2b
4:      movl $1, %eax
        ret

# __unlockfile(%rdi = &f->lock): unchanged by the fix.
        .globl __unlockfile
__unlockfile:
        xorl %eax, %eax
        xchgl %eax, (%rdi)               # a_swap(&f->lock, 0)
        testl $MAYBE_WAITERS, %eax
        jz 1f
        movl $1, %esi
        call __futex_wake                # __wake(&f->lock, 1, 1)
1:      ret
