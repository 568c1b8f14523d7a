# The fix of race R5 (locksim reference, section 5): mutex2_r5.s with the
# waker's full barrier (B) restored, as 76835b0ebf8a did with an explicit
# smp_mb for private futexes; here an mfence between the waker's store to
# the word and its read of the bucket's waiter count. The negative control
# for futex_r5_no_barrier.yaml.
#
# futex_wait_counted is FUTEX_WAIT: hb_waiters_inc (a LOCK'd incl, the
# waiter's barrier), then the bucket lock, the re-read of the word and the
# queueing, which the __futex_wait service does as one atomic step; the
# count drops again when the waiter leaves the queue. futex_wake_counted
# is FUTEX_WAKE: a plain load of the count, and a real wake only if it is
# not 0. The same lock and unlock as mutex2.s otherwise, under the same
# names, so a scenario swaps one file for the other.
        .data
        .p2align 6
        .globl hb_waiters
hb_waiters: .long 0
        .text

# futex_wait_counted(%rdi = &word, %esi = expected) -> %eax as __futex_wait.
        .globl futex_wait_counted
futex_wait_counted:
        lock incl hb_waiters(%rip)      # announce a waiter before reading the word
        call __futex_wait
        lock decl hb_waiters(%rip)      # off the queue (woken or value changed)
        ret

# futex_wake_counted(%rdi = &word, %esi = at most) -> %eax woken.
        .globl futex_wake_counted
futex_wake_counted:
        mfence                          # barrier (B): the caller's store to the word
                                        # is visible before the count is read
        movl hb_waiters(%rip), %eax
        testl %eax, %eax
        jz 1f                           # "nobody waits": no wake at all
        call __futex_wake
1:      ret

        .globl futex_mutex_lock
futex_mutex_lock:
        xorl %eax, %eax
        movl $1, %edx
        lock cmpxchgl %edx, (%rdi)
        jnz 1f
        ret
1:      cmpl $2, %eax
        je 2f
        movl $2, %eax
        xchgl %eax, (%rdi)
        testl %eax, %eax
        jz 3f
2:      movl $2, %esi
        call futex_wait_counted
        movl $2, %eax
        xchgl %eax, (%rdi)
        testl %eax, %eax
        jnz 2b
3:      ret

        .globl futex_mutex_unlock
futex_mutex_unlock:
        lock decl (%rdi)
        jz 1f
        movl $0, (%rdi)                 # plain store ...
        movl $1, %esi
        call futex_wake_counted         # ... drained by the mfence first
1:      ret
