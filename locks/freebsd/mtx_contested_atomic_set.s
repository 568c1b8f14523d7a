# A broken MTX_CONTESTED update for __mtx_lock_sleep (race R4): atomic_set_ptr
# (&m->mtx_lock, MTX_CONTESTED), i.e. lock orq $2, instead of the
# compare-and-set in mtx_contested.s. Not what kern_mutex.c does. The OR is
# atomic but unconditional: it succeeds whatever the word became since the
# waiter checked it, so after a fast release it turns an unowned word into
# bare MTX_CONTESTED and the waiter blocks with nobody left to wake it.
#   mtx_set_contested(%rdi = m, %rsi = v) -> %rax = v (always "it worked").
        .equ MTX_CONTESTED, 2
        .text
        .globl mtx_set_contested
mtx_set_contested:
        lock orq $MTX_CONTESTED, (%rdi)
        movq %rsi, %rax
        ret
