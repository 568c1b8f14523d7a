# A broken FreeBSD sleep-mutex release: illumos's mutex_exit shape (plain
# load, compare with curthread, plain movq $0) in place of __mtx_unlock's
# lock cmpxchgq. Not a FreeBSD routine. The compare and the clear are two
# steps: a waiter can set MTX_CONTESTED (it saw the owner off its CPU)
# between them, then the plain store wipes the bit and nobody wakes the
# turnstile. FreeBSD has neither of the two things that make illumos's
# plain release safe: no restart of a preempted release and no re-check of
# "owner running" after setting the bit, so it needs the LOCK'd release.
        .text
        .globl _mtx_unlock
_mtx_unlock:
        movq %gs:0, %rax
        movq (%rdi), %rsi                # plain load of mtx_lock
        cmpq %rax, %rsi
        jne __mtx_unlock_sleep           # flags set: slow path, v in %rsi
        movq $0, (%rdi)                  # PLAIN store of MTX_UNOWNED
        ret
