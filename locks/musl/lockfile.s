# musl stdio FILE lock, src/stdio/__lockfile.c after commit 0db393d3 ("fix
# race condition in file locking"), as x86-64 code: a_cas is lock cmpxchgl,
# a_swap is xchgl, __futexwait/__wake are the futex calls. Lock word: 0
# free, else the owner's tid, | MAYBE_WAITERS (0x40000000) once someone may
# sleep on it. tid here is the thread index + 1 (thread structure +0).
# LOCK'd: every cmpxchgl and the xchgl; no plain store touches the word.
#
# The point of the fix: a thread that has had to wait takes the lock with
# MAYBE_WAITERS already set (tid | MAYBE_WAITERS), and before every sleep
# it makes sure the flag is on the value it sleeps on, because other
# sleepers may remain that only the flag will get woken.
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
        xorl %eax, %eax                  # recursive: already held by us
        ret
1:      xorl %eax, %eax
        lock cmpxchgl %edx, (%rdi)       # a_cas(&f->lock, 0, tid)
        jz 4f
        movl %edx, %r8d
        orl $MAYBE_WAITERS, %r8d         # tid | MAYBE_WAITERS
2:      xorl %eax, %eax
        lock cmpxchgl %r8d, (%rdi)       # while ((owner = a_cas(.., 0, tid|MW)))
        jz 4f
        movl %eax, %ecx                  # owner
        testl $MAYBE_WAITERS, %ecx
        jnz 3f
        movl %ecx, %r9d                  # flag not set yet: set it, and sleep
        orl $MAYBE_WAITERS, %r9d         # only if that worked on this owner
        movl %ecx, %eax
        lock cmpxchgl %r9d, (%rdi)       # a_cas(.., owner, owner|MW) == owner
        jne 2b
3:      movl %ecx, %esi
        orl $MAYBE_WAITERS, %esi
        call __futex_wait                # __futexwait(&f->lock, owner|MW, 1)
        jmp 2b
4:      movl $1, %eax
        ret

# __unlockfile(%rdi = &f->lock): swap in 0; wake one sleeper if the flag
# was set.
        .globl __unlockfile
__unlockfile:
        xorl %eax, %eax
        xchgl %eax, (%rdi)               # a_swap(&f->lock, 0)
        testl $MAYBE_WAITERS, %eax
        jz 1f
        movl $1, %esi
        call __futex_wake                # __wake(&f->lock, 1, 1)
1:      ret
