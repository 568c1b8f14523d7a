# Linux count mutex unlock fast path, x86-64, v4.1 to v4.9:
# kernel/locking/mutex.c mutex_unlock (mutex_clear_owner, non-debug) and
# arch/x86/include/asm/mutex_64.h __mutex_fastpath_unlock. See mutex.s for
# the layout.
#
# LOCK'd: the incl. It must be: the owner has to learn in the same atomic
# step that releases the lock whether a waiter had marked it -1, or a
# waiter's mark could land between the look and the release. A result of
# 1 means nobody waited; 0 or less goes to the slow path, which still owes
# the release (the count is left at 0 or below).
        .equ COUNT, 0
        .equ OWNER, 24
        .text
        .globl mutex_unlock
mutex_unlock:
        movq $0, OWNER(%rdi)            # mutex_clear_owner: plain
        lock incl COUNT(%rdi)
        jg 1f
        call __mutex_unlock_slowpath
1:      ret
