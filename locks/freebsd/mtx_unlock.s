# FreeBSD sleep-mutex release fast path, amd64: __mtx_unlock from
# sys/sys/mutex.h (FreeBSD 12/13 text; 5/6 is the same cmpset with
# MTX_UNOWNED = 4). LOCK'd: the cmpxchgq curthread -> MTX_UNOWNED
# (_mtx_release_lock, atomic_fcmpset_rel_ptr). It succeeds only when the
# word is exactly curthread, so a set MTX_CONTESTED makes it fail and the
# slow path (mutex.s, __mtx_unlock_sleep) wakes the turnstile; and because
# the compare and the clear are one atomic step, a waiter's compare-and-set
# of MTX_CONTESTED lands either before it (the release fails) or after it
# (the waiter's cmpset fails and it re-reads an unowned word).
        .text
        .globl _mtx_unlock
_mtx_unlock:
        movq %gs:0, %rax                 # expect tid, no flag bits
        xorl %edx, %edx                  # MTX_UNOWNED
        lock cmpxchgq %rdx, (%rdi)
        jnz 1f
        ret
1:      movq %rax, %rsi                  # v as the failed fcmpset saw it
        jmp __mtx_unlock_sleep
