# A broken Linux count mutex unlock, the counterfactual of the locksim
# reference (section 2.1): mutex_unlock.s with its LOCK'd incl replaced by
# a plain look and a plain store, as illumos releases its mutex. Not a
# real Linux routine.
#
# The load of 0 ("nobody waits") and the store of 1 are two steps: a
# waiter's LOCK'd xchgl of -1 can fall between them (or, on TSO, before
# the buffered 1 drains), and the 1 then overwrites the waiter's mark.
        .equ COUNT, 0
        .equ OWNER, 24
        .text
        .globl mutex_unlock
mutex_unlock:
        movq $0, OWNER(%rdi)            # mutex_clear_owner: plain
        cmpl $0, COUNT(%rdi)            # plain load: was it 0 (no waiters)?
        jne 1f
        movl $1, COUNT(%rdi)            # plain store release
        ret
1:      jmp __mutex_unlock_slowpath     # negative: the slow path as before
