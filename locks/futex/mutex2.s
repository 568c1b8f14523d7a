# Drepper's futex mutex ("Futexes Are Tricky", Ulrich Drepper, 2004-2011
# revisions, section 6): the user-space lock that glibc's lowlevellock
# follows, written against the kernel model's __futex_wait/__futex_wake.
# This is the paper's second, correct mutex in its xchg form (the paper's
# "take 3" refinement of take 2: the same three states and the same
# unlock; the waiter marks the word with xchg instead of a cmpxchg pair).
#
# Word (32 bits, 4-aligned): 0 free; 1 held, nobody waits; 2 held, someone
# may sleep in futex_wait. A waiter always writes 2 before it sleeps, so
# an owner that finds anything but 1 when it releases must call wake.
# LOCK'd: the lock's cmpxchgl and xchgl (implicit), the unlock's decl.
# Plain: the unlock's store of 0 (it runs after the LOCK'd decl, and the
# wake service is a full barrier).
        .text

# futex_mutex_lock(%rdi = &word). Clobbers %rax, %rdx, %rsi.
        .globl futex_mutex_lock
futex_mutex_lock:
        xorl %eax, %eax
        movl $1, %edx
        lock cmpxchgl %edx, (%rdi)      # 0 -> 1: the uncontended case
        jnz 1f
        ret
1:      cmpl $2, %eax                   # already marked contended: go
        je 2f                           # straight to sleep
        movl $2, %eax
        xchgl %eax, (%rdi)              # mark contended; 0 back means it
        testl %eax, %eax                # was freed meanwhile and is ours
        jz 3f                           # (still marked 2: a wake may be spare)
2:      movl $2, %esi
        call __futex_wait               # sleeps only if the word is still 2
        movl $2, %eax
        xchgl %eax, (%rdi)              # retake, leaving it marked 2: other
        testl %eax, %eax                # sleepers may remain
        jnz 2b
3:      ret

# futex_mutex_unlock(%rdi = &word). Clobbers %rax, %rsi.
        .globl futex_mutex_unlock
futex_mutex_unlock:
        lock decl (%rdi)                # 1 -> 0: nobody was waiting, done
        jz 1f
        movl $0, (%rdi)                 # was 2: free it (plain store) ...
        movl $1, %esi
        call __futex_wake               # ... and wake one sleeper
1:      ret
