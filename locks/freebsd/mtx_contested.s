# Setting MTX_CONTESTED in FreeBSD __mtx_lock_sleep (sys/kern/kern_mutex.c,
# FreeBSD 12/13 text: atomic_fcmpset_ptr(&m->mtx_lock, &v, v | MTX_CONTESTED);
# FreeBSD 5/6: atomic_cmpset_ptr). LOCK'd: the cmpxchgq. The waiter decided
# to sleep on the value v it checked (owned, owner not running); the bit
# may only go on if the word still is v, so a release or a change of owner
# in between makes it fail and the caller re-judges the new value.
#   mtx_set_contested(%rdi = m, %rsi = v) -> %rax = v if the word went from
#   v to v | MTX_CONTESTED, else the value the word held instead.
        .equ MTX_CONTESTED, 2
        .text
        .globl mtx_set_contested
mtx_set_contested:
        movq %rsi, %rax
        movq %rsi, %rdx
        orq $MTX_CONTESTED, %rdx
        lock cmpxchgq %rdx, (%rdi)       # on failure %rax = the current word
        ret
